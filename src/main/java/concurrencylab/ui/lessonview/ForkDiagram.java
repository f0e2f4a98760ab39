package concurrencylab.ui.lessonview;

import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Fork next to spawn, drawn: fork copies the running process, and both copies go on from the same
 * line; spawn starts a fresh program that runs from the top. Java (and this app) can only spawn.
 */
final class ForkDiagram implements LessonStage {
  private static final double HEIGHT = 190;
  private static final double LINE1_SIZE = 15;
  private static final double LINE2_SIZE = 14;
  /** The least type a box's line is set in; a line that does not fit even so is cut with an ellipsis. */
  private static final double LEAST_TYPE = 11;
  private static final double BOX_PADDING = 16;
  private static final double LEAST_BOX = 150;
  /** Between two boxes: the arrows (and, in spawn, the word over them). */
  private static final double ARROWS = 80;
  private final Canvas canvas = new Canvas();
  private final Pane pane = new Pane(canvas);
  private final I18n i18n;
  private double scale = 1;
  private boolean inColumn;

  ForkDiagram(I18n i18n) {
    this.i18n = i18n;
    pane.getStyleClass().add("lesson-stage");
    canvas.widthProperty().bind(pane.widthProperty());
    canvas.heightProperty().bind(pane.heightProperty());
    canvas.widthProperty().addListener(o -> paint());
    canvas.heightProperty().addListener(o -> paint());
    i18n.localeProperty().addListener(o -> paint());
    size();
  }

  @Override
  public Node node() {
    return pane;
  }

  @Override
  public void setScale(double newScale) {
    scale = newScale;
    size();
    paint();
  }

  /** In a column the two pictures stand one above the other. */
  @Override
  public boolean fitsColumn() {
    return true;
  }

  @Override
  public boolean besideAtEverySize() {
    return true;
  }

  @Override
  public void setInColumn(boolean now) {
    inColumn = now;
    size();
    paint();
  }

  private void size() {
    double height = HEIGHT * scale * (inColumn ? 2 : 1);
    pane.setPrefHeight(height);
    pane.setMinHeight(height);
  }

  @Override
  public void repaint() {
    paint();
  }

  /** Drawn at scale 1 in a picture {@code scale} times smaller, then scaled up as a whole. */
  private void paint() {
    if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
      return; // not laid out yet (the tab is being made): painted when it gets its size
    }
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth() / scale;
    double h = canvas.getHeight() / scale;
    g.setFill(Palette.background());
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.save();
    g.scale(scale, scale);
    if (inColumn) {
      drawFork(g, 20, w - 20, HEIGHT);
      g.setStroke(Palette.grid());
      g.setLineWidth(2);
      g.strokeLine(12, HEIGHT, w - 12, HEIGHT);
      g.translate(0, HEIGHT);
      drawSpawn(g, 20, w - 20, HEIGHT);
    } else {
      double half = w / 2;
      drawFork(g, 20, half - 40, h);
      g.setStroke(Palette.grid());
      g.setLineWidth(2);
      g.strokeLine(half, 12, half, h - 12);
      drawSpawn(g, half + 20, w - 20, h);
    }
    g.restore();
  }

  private void drawFork(GraphicsContext g, double x0, double x1, double h) {
    title(g, i18n.get("fork.diagram.fork"), x0, 22, x1 - x0);
    double boxW = boxWidth(x1 - x0, i18n.get("fork.diagram.parent"), i18n.get("fork.diagram.memory"), i18n.get("fork.diagram.parentBranch"),
        "fork() → PID", i18n.get("fork.diagram.childCopy"), "fork() → 0");
    double y = 60;
    box(g, x0, y + 30, boxW, 56, Palette.lane(0), i18n.get("fork.diagram.parent"), i18n.get("fork.diagram.memory"));
    double splitX = x0 + boxW + 30;
    arrow(g, x0 + boxW, y + 58, splitX, y + 58);
    arrow(g, splitX, y + 58, splitX + 40, y + 28);
    arrow(g, splitX, y + 58, splitX + 40, y + 88);
    box(g, splitX + 44, y, boxW, 52, Palette.lane(0), i18n.get("fork.diagram.parentBranch"), "fork() → PID");
    box(g, splitX + 44, y + 64, boxW, 52, Palette.lane(1), i18n.get("fork.diagram.childCopy"), "fork() → 0");
  }

  private void drawSpawn(GraphicsContext g, double x0, double x1, double h) {
    title(g, i18n.get("fork.diagram.spawn"), x0, 22, x1 - x0);
    double boxW = boxWidth(x1 - x0, i18n.get("fork.diagram.parent"), i18n.get("fork.diagram.memory"), i18n.get("fork.diagram.freshChild"),
        i18n.get("fork.diagram.fromTop"));
    double y = 60;
    box(g, x0, y + 30, boxW, 56, Palette.lane(0), i18n.get("fork.diagram.parent"), i18n.get("fork.diagram.memory"));
    double gap = x0 + boxW + 70;
    arrow(g, x0 + boxW, y + 58, gap, y + 58);
    g.setFill(Palette.mutedText());
    g.setFont(Font.font("System", Palette.textWeight(), 13));
    g.setTextAlign(TextAlignment.CENTER);
    g.setFont(fitted(Palette.textWeight(), 13, i18n.get("fork.diagram.startsNew"), 66));
    g.fillText(CanvasText.fitting(i18n.get("fork.diagram.startsNew"), g.getFont(), 66), x0 + boxW + 35, y + 44);
    box(g, gap + 4, y + 30, boxW, 56, Palette.lane(1), i18n.get("fork.diagram.freshChild"), i18n.get("fork.diagram.fromTop"));
  }

  private static void title(GraphicsContext g, String text, double x, double y, double maxWidth) {
    g.setFill(Palette.text());
    g.setFont(Font.font("System", FontWeight.BOLD, 17));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    CanvasText.fill(g, text, x, y, maxWidth);
  }

  private static void box(GraphicsContext g, double x, double y, double w, double h, Color color, String line1, String line2) {
    g.setFill(color.deriveColor(0, 1, 1, 0.2));
    g.fillRoundRect(x, y, w, h, 10, 10);
    g.setStroke(color);
    g.setLineWidth(2.5);
    g.strokeRoundRect(x, y, w, h, 10, 10);
    g.setFill(Palette.text());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.setFont(fitted(FontWeight.BOLD, LINE1_SIZE, line1, w - BOX_PADDING));
    g.fillText(CanvasText.fitting(line1, g.getFont(), w - BOX_PADDING), x + w / 2, y + h * 0.32);
    g.setFont(fitted(Palette.textWeight(), LINE2_SIZE, line2, w - BOX_PADDING));
    g.fillText(CanvasText.fitting(line2, g.getFont(), w - BOX_PADDING), x + w / 2, y + h * 0.7);
  }

  /**
   * As wide as the widest of the boxes' lines wants (at least {@link #LEAST_BOX}), and no wider
   * than two boxes and the arrows between them leave of {@code room}.
   */
  private static double boxWidth(double room, String... lines) {
    double wanted = LEAST_BOX;
    for (int i = 0; i < lines.length; i++) {
      Font font = i % 2 == 0 ? Font.font("System", FontWeight.BOLD, LINE1_SIZE) : Font.font("System", Palette.textWeight(), LINE2_SIZE);
      wanted = Math.max(wanted, CanvasText.width(lines[i], font) + BOX_PADDING);
    }
    return Math.max(40, Math.min(wanted, (room - ARROWS) / 2));
  }

  /** The system font of this weight and size, smaller if the text would not fit in {@code maxWidth} (never squeezed), down to {@link #LEAST_TYPE}. */
  static Font fitted(FontWeight weight, double size, String text, double maxWidth) {
    return CanvasText.shrunkToFit("System", weight, size, text, maxWidth, LEAST_TYPE);
  }

  private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1) {
    g.setStroke(Palette.text());
    g.setLineWidth(2);
    g.strokeLine(x0, y0, x1, y1);
    double angle = Math.atan2(y1 - y0, x1 - x0);
    double size = 9;
    g.setFill(Palette.text());
    g.fillPolygon(
        new double[] {x1, x1 - size * Math.cos(angle - 0.4), x1 - size * Math.cos(angle + 0.4)},
        new double[] {y1, y1 - size * Math.sin(angle - 0.4), y1 - size * Math.sin(angle + 0.4)},
        3);
  }
}
