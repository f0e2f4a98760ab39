package concurrencylab.ui.tab;

import concurrencylab.trace.LaneState;
import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.timeline.LinkPainter;
import concurrencylab.ui.timeline.StatePainter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the timeline's shapes mean, drawn with the timeline's own drawing code so they match. The
 * entries wrap onto as many rows as the width needs: none is ever cut at the right edge.
 */
final class LegendBar extends Region {
  private static final double ROW_HEIGHT = 30;
  private static final double LEFT = 8;

  private final Canvas canvas = new Canvas();
  private final I18n i18n;
  private double scale = 1;

  /** One entry: a sample of the shape, {@code swatchWidth} wide, and what it means. */
  private record Entry(double swatchWidth, Swatch swatch, String text) {}

  @FunctionalInterface
  private interface Swatch {
    void draw(GraphicsContext g, double x, double top, double height);
  }

  /** Where an entry goes: its row and its left edge. */
  record Placed(int row, double x, double width) {}

  LegendBar(I18n i18n) {
    this.i18n = i18n;
    getStyleClass().add("legend");
    setId("legend");
    getChildren().add(canvas);
    widthProperty().addListener(o -> requestLayout());
    i18n.localeProperty().addListener(o -> {
      requestLayout();
      paint();
    });
  }

  void setScale(double newScale) {
    scale = newScale;
    requestLayout();
    paint();
  }

  private Font font() {
    return Font.font("System", Palette.textWeight(), 14 * scale);
  }

  private double rowHeight() {
    return ROW_HEIGHT * scale;
  }

  private List<Entry> entries() {
    double swatch = 34 * scale;
    List<Entry> entries = new ArrayList<>();
    for (LaneState state : new LaneState[] {
        LaneState.RUNNING, LaneState.SLEEPING, LaneState.WAITING, LaneState.BLOCKED, LaneState.STARTING, LaneState.PAUSED}) {
      entries.add(new Entry(swatch, (g, x, top, h) -> StatePainter.fill(g, state, x, swatch, top, h, Palette.lane(0), Palette.background()),
          i18n.get("legend." + state.name().toLowerCase(Locale.ROOT))));
    }
    entries.add(new Entry(swatch, (g, x, top, h) -> {
      g.setFill(Palette.text());
      g.fillRect(x, top, swatch, 5 * scale);
    }, i18n.get("legend.holding")));
    entries.add(new Entry(swatch * 0.6 + 8 * scale, (g, x, top, h) -> {
      g.setFill(Palette.link());
      LinkPainter.fillArrow(g, x, top + 2 * scale, x + swatch * 0.6, top + h, scale);
    }, i18n.get("legend.letThrough")));
    entries.add(new Entry(swatch * 0.6 + 8 * scale, (g, x, top, h) -> {
      g.setFill(LinkPainter.itemColour());
      LinkPainter.fillArrow(g, x, top + 2 * scale, x + swatch * 0.6, top + h, scale);
    }, i18n.get("legend.item")));
    entries.add(new Entry(8 * scale, (g, x, top, h) -> {
      g.setStroke(Palette.text());
      g.setLineWidth(2 * scale);
      g.strokeLine(x + 4 * scale, top + h, x + 4 * scale, top + h * 0.6);
    }, i18n.get("legend.line")));
    entries.add(new Entry(8 * scale, (g, x, top, h) -> {
      g.setStroke(Palette.failure());
      g.setLineWidth(2 * scale);
      g.strokeLine(x + 4 * scale, top + h, x + 4 * scale, top + h * 0.25);
    }, i18n.get("legend.stderr")));
    entries.add(new Entry(swatch, (g, x, top, h) -> {
      g.setStroke(Palette.text());
      g.setLineWidth(1);
      g.strokeRect(x + 0.5, top + 0.5, swatch - 1, h - 1);
    }, i18n.get("legend.task")));
    entries.add(new Entry(0, (g, x, top, h) -> {}, "⚑ " + i18n.get("legend.mark")));
    entries.add(new Entry(0, (g, x, top, h) -> {}, "■ " + i18n.get("legend.end")));
    entries.add(new Entry(0, (g, x, top, h) -> {}, "r5 / w6 " + i18n.get("legend.readWrite")));
    return entries;
  }

  /** Entries laid out left to right, a new row when the next would pass {@code width}. */
  List<Placed> place(double width) {
    Font font = font();
    double gap = 6 * scale;
    double between = 22 * scale;
    List<Placed> placed = new ArrayList<>();
    int row = 0;
    double x = LEFT;
    for (Entry entry : entries()) {
      double w = entry.swatchWidth() + (entry.swatchWidth() > 0 ? gap : 0) + CanvasText.width(entry.text(), font);
      if (x > LEFT && x + w > width - LEFT) {
        row++;
        x = LEFT;
      }
      placed.add(new Placed(row, x, w));
      x += w + between;
    }
    return placed;
  }

  int rows(double width) {
    List<Placed> placed = place(width);
    return placed.isEmpty() ? 1 : placed.get(placed.size() - 1).row() + 1;
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected double computePrefHeight(double width) {
    double w = width > 0 ? width : getWidth();
    return (w > 0 ? rows(w) : 1) * rowHeight();
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0; // it wraps to whatever width it is given
  }

  @Override
  public javafx.geometry.Orientation getContentBias() {
    return javafx.geometry.Orientation.HORIZONTAL;
  }

  @Override
  protected void layoutChildren() {
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      paint();
    }
  }

  void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(Palette.background());
    g.fillRect(0, 0, w, h);
    if (w <= 0) {
      return;
    }
    g.setFont(font());
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    List<Entry> entries = entries();
    List<Placed> placed = place(w);
    double row = rowHeight();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      Placed at = placed.get(i);
      double top = at.row() * row + 5 * scale;
      entry.swatch().draw(g, at.x(), top, row - 10 * scale);
      double textX = at.x() + entry.swatchWidth() + (entry.swatchWidth() > 0 ? 6 * scale : 0);
      g.setFill(Palette.text());
      g.fillText(entry.text(), textX, at.row() * row + row / 2);
    }
  }
}
