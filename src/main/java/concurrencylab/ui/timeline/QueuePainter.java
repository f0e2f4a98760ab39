package concurrencylab.ui.timeline;

import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.timeline.LabelPlacement.Priority;

/**
 * A queue's lane: how many tasks wait, as a bar as tall as the depth (the deepest the lane's
 * height), and which ones, as a label where the depth changes and there is room.
 */
final class QueuePainter {
  private QueuePainter() {}

  static void paint(Fills g, FrameSpan span, LaneTrack track, LaneRow row, TimelineType type, EventLabels labels) {
    LaneTrack.IndexList marks = track.marks();
    long maxDepth = 1;
    for (int k = 0; k < marks.size(); k++) {
      maxDepth = Math.max(maxDepth, track.value(marks.get(k)));
    }
    int k = Math.max(0, marks.lastAtOrBefore(span.start()));
    double top = row.top();
    double h = row.height();
    double lastLabelEnd = -1;
    while (k < marks.size() && marks.timeOf(k) <= span.limit()) {
      int index = marks.get(k);
      long depth = track.value(index);
      long until = Math.min(span.end(), k + 1 < marks.size() ? marks.timeOf(k + 1) : span.end());
      double x0 = Math.max(span.left(), span.x(marks.timeOf(k)));
      double x1 = span.x(until);
      double barHeight = h * depth / maxDepth;
      g.fill(Palette.over(Palette.mutedText(), 0.35, row.ground()), x0, top + h - barHeight, Math.max(1, x1 - x0), barHeight);
      String waiting = track.text(index);
      if (!waiting.isEmpty() && x0 > lastLabelEnd) {
        // whole, never squeezed: a label with no room is left for the next depth that has some
        double w = CanvasText.width(waiting, type.small()) + 8;
        double boxHeight = type.small().getSize() + 4;
        labels.offer(Priority.TASK, row, w, boxHeight, span.left(), span.width() - 2,
            new EventLabels.Label(waiting, false, Palette.text(), null, 4, 2), x0 + 2, top + (h - boxHeight) / 2);
        lastLabelEnd = x0 + 2 + w;
      }
      k = Math.max(k + 1, marks.firstAtOrAfter(span.time(x0 + 1)));
    }
  }
}
