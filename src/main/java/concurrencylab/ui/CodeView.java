package concurrencylab.ui;

import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Read-only code drawn on a Canvas, with a gutter where each lane that is at a line gets a dot in
 * its colour, and the line itself a tint: "which thread is where" at a glance.
 */
final class CodeView extends ScrollPane {
  private static final double GUTTER = 46;
  private List<String> lines;
  private double scale = 1;
  private final Canvas canvas = new Canvas();
  private Font font = Font.font("Monospaced", 14);
  private double lineHeight = 19;
  private Map<Integer, List<Integer>> markers = Map.of();

  CodeView(String code) {
    lines = linesOf(code);
    setContent(canvas);
    getStyleClass().add("code-view");
    setFitToHeight(false);
    setScale(1);
  }

  private static List<String> linesOf(String code) {
    return List.of(code.split("\n", -1));
  }

  /** Shows other code; markers are cleared, as they named lines of the old one. */
  void setCode(String code) {
    lines = linesOf(code);
    markers = Map.of();
    setScale(scale);
  }

  void setScale(double scale) {
    this.scale = scale;
    font = Font.font("Monospaced", 14 * scale);
    lineHeight = 19 * scale;
    int longest = lines.stream().mapToInt(String::length).max().orElse(0);
    canvas.setWidth(GUTTER + longest * font.getSize() * 0.62 + 20);
    canvas.setHeight(lines.size() * lineHeight + 8);
    paint();
  }

  /** Line index (0-based) → colour indices of the lanes at that line. */
  void setMarkers(Map<Integer, List<Integer>> newMarkers) {
    if (!newMarkers.equals(markers)) {
      markers = newMarkers;
      paint();
    }
  }

  Map<Integer, List<Integer>> markers() {
    return markers;
  }

  List<String> lines() {
    return lines;
  }

  void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Palette.background());
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.setFont(font);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    for (Map.Entry<Integer, List<Integer>> marked : markers.entrySet()) {
      double y = 4 + marked.getKey() * lineHeight;
      g.setFill(Palette.lane(marked.getValue().get(0)).deriveColor(0, 1, 1, 0.22));
      g.fillRect(GUTTER - 4, y, canvas.getWidth(), lineHeight);
      double x = 4;
      for (int color : marked.getValue()) {
        g.setFill(Palette.lane(color));
        g.fillOval(x, y + lineHeight * 0.2, lineHeight * 0.6, lineHeight * 0.6);
        x += lineHeight * 0.45;
        if (x > GUTTER - 12) {
          break;
        }
      }
    }
    g.setFill(Palette.text());
    for (int i = 0; i < lines.size(); i++) {
      g.fillText(lines.get(i), GUTTER, 4 + i * lineHeight + lineHeight / 2);
    }
  }
}
