package concurrencylab.ui.tab;

import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.timeline.LinkPainter;
import concurrencylab.ui.timeline.StatePainter;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.trace.LaneState;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** What the timeline's shapes mean, drawn with the timeline's own drawing code so they match. */
final class LegendBar extends Pane {
  private final Canvas canvas = new Canvas();
  private final I18n i18n;
  private double scale = 1;

  LegendBar(I18n i18n) {
    this.i18n = i18n;
    getStyleClass().add("legend");
    setId("legend");
    getChildren().add(canvas);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener(o -> paint());
    canvas.heightProperty().addListener(o -> paint());
    i18n.localeProperty().addListener(o -> paint());
    setScale(1);
  }

  void setScale(double newScale) {
    scale = newScale;
    setMinHeight(30 * scale);
    setPrefHeight(30 * scale);
    paint();
  }

  void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(Palette.background());
    g.fillRect(0, 0, w, h);
    Color color = Palette.lane(0);
    double swatch = 34 * scale;
    double boxH = h - 10;
    double x = 8;
    g.setFont(Font.font("System", 14 * scale));
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    for (LaneState state : new LaneState[] {
        LaneState.RUNNING, LaneState.SLEEPING, LaneState.WAITING, LaneState.BLOCKED, LaneState.STARTING, LaneState.PAUSED}) {
      StatePainter.fill(g, state, x, swatch, 5, boxH, color, Palette.background());
      x = label(g, i18n.get("legend." + state.name().toLowerCase(java.util.Locale.ROOT)), x + swatch + 6, h);
    }
    g.setFill(Palette.text());
    g.fillRect(x, 5, swatch, 5);
    x = label(g, i18n.get("legend.holding"), x + swatch + 6, h);
    g.setFill(Palette.link());
    LinkPainter.fillArrow(g, x, 7 * scale, x + swatch * 0.6, h - 4, scale);
    x = label(g, i18n.get("legend.letThrough"), x + swatch * 0.6 + 12 * scale, h);
    g.setStroke(Palette.text());
    g.setLineWidth(2);
    g.strokeLine(x + 4, h - 5, x + 4, h - 5 - boxH * 0.4);
    x = label(g, i18n.get("legend.line"), x + 12, h);
    g.setStroke(Palette.failure());
    g.strokeLine(x + 4, h - 5, x + 4, h - 5 - boxH * 0.75);
    x = label(g, i18n.get("legend.stderr"), x + 12, h);
    g.setStroke(Palette.text());
    g.strokeRect(x, 6, swatch, boxH - 2);
    x = label(g, i18n.get("legend.task"), x + swatch + 6, h);
    label(g, "⚑ " + i18n.get("legend.mark") + "    ■ " + i18n.get("legend.end") + "    r5 / w6 " + i18n.get("legend.readWrite"), x, h);
  }

  private double label(GraphicsContext g, String text, double x, double h) {
    g.setFill(Palette.text());
    g.fillText(text, x, h / 2);
    return x + CanvasText.width(text, g.getFont()) + 22 * scale;
  }
}
