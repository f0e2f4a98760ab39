package concurrencylab.ui.timeline;

import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The tooltip of the printed line under the pointer: the lane, the time and the line, beside the pointer. */
final class LineTooltipPainter {
  private final I18n i18n;

  LineTooltipPainter(I18n i18n) {
    this.i18n = i18n;
  }

  /** The tooltip of the line of {@code lane} near {@code mouseX}, if there is one; returns how far down it reaches (-1: none drawn). */
  double paint(GraphicsContext g, FrameSpan span, Lane lane, LaneTrack track, double mouseX, double mouseY, TimelineType type) {
    int index = TimelineHitTest.lineNear(track, span.view(), mouseX);
    if (index < 0) {
      return -1;
    }
    double width = span.width();
    String text = TraceTexts.text(lane.name(), i18n) + " @ " + AxisPainter.formatTime(track.time(index), 1_000_000L) + ":  " + TraceTexts.text(track.text(index), i18n);
    g.setFont(type.small());
    double boxWidth = Math.min(width - 20, CanvasText.width(text, type.small()) + 20);
    double bx = Math.min(mouseX + 12, width - boxWidth - 8);
    double by = Math.max(4, mouseY - type.small().getSize() * 2.4);
    g.setFill(Palette.tooltipBackground());
    g.fillRoundRect(bx, by, boxWidth, type.small().getSize() + 14, 8, 8);
    g.setFill(Palette.tooltipText());
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    CanvasText.fill(g, text, bx + 10, by + 6, boxWidth - 20);
    return by + type.small().getSize() + 14;
  }
}
