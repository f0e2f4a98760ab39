package concurrencylab.ui.timeline;

import concurrencylab.trace.Lane;
import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The label column left of the time axis: for each lane a chip in the lane's colour, its name,
 * and below it, when the lane is tall enough, what it is (process and PID, thread, queue).
 */
final class LaneLabelPainter {
  private final I18n i18n;

  LaneLabelPainter(I18n i18n) {
    this.i18n = i18n;
  }

  /** Labels {@code lane}, drawn from {@code top} for {@code height} pixels, in a column {@code labelWidth} wide. */
  void paint(GraphicsContext g, Lane lane, double top, double height, Color color, double labelWidth, TimelineType type, LabelWriter writer) {
    g.setFill(color);
    g.fillRect(0, top + 2, 10, height - 4);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Palette.text());
    g.setTextBaseline(VPos.CENTER);
    boolean twoLines = height >= (type.large().getSize() + type.small().getSize()) * 1.3;
    LaneName name = LaneName.fitted(TraceTexts.text(lane.name(), i18n), type, labelWidth - 24, height);
    g.setFont(name.font());
    if (name.lines().size() > 1) {
      double line = name.font().getSize() * LaneName.LINE_SPACING;
      double first = top + height / 2 - line * (name.lines().size() - 1) / 2;
      for (int i = 0; i < name.lines().size(); i++) {
        writer.fill(g, name.lines().get(i), 18, first + i * line);
      }
      return;
    }
    writer.fill(g, name.lines().get(0), 18, twoLines ? top + height * 0.33 : top + height / 2);
    if (twoLines) {
      String detail =
          switch (lane.kind()) {
            case PROCESS -> i18n.get("timeline.pid", Long.toString(lane.pid()));
            case THREAD -> i18n.get("timeline.thread", Long.toString(lane.pid()));
            case QUEUE -> i18n.get("timeline.queue");
          };
      g.setFont(type.small());
      g.setFill(Palette.mutedText());
      writer.fill(g, CanvasText.fitting(detail, type.small(), labelWidth - 24), 18, top + height * 0.72);
    }
  }
}
