package concurrencylab.ui.timeline;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.timeline.LabelPlacement.Priority;
import java.util.List;
import javafx.scene.text.Font;

/**
 * The tasks a lane ran, as outlines: merged where they are too small to tell apart, then failed
 * tasks on top, each one drawn however many tasks share its pixel, so a failure is never hidden by
 * zooming out. A task wide enough gets its name on a chip.
 */
final class TaskPainter {
  private TaskPainter() {}

  static void paint(Fills g, FrameSpan span, LaneTrack track, LaneRow row, TimelineType type, EventLabels labels) {
    LaneTrack.IndexList tasks = track.tasks();
    double top = row.top();
    double h = row.height();
    int k = Math.max(0, tasks.lastAtOrBefore(span.start()));
    TaskOutlines frames = new TaskOutlines(g, top + 1, h - 2, 2);
    while (k < tasks.size()) {
      int index = tasks.get(k);
      if (tasks.kindOf(k) != EventKind.TASK_BEGIN) {
        k++;
        continue;
      }
      long begin = tasks.timeOf(k);
      if (begin > span.limit()) {
        break;
      }
      boolean closed = k + 1 < tasks.size() && tasks.timeOf(k + 1) <= span.limit();
      double x0 = Math.max(span.left() - 2, span.x(begin));
      double x1 = span.x(closed ? tasks.timeOf(k + 1) : span.end());
      if (!closed || tasks.kindOf(k + 1) != EventKind.TASK_FAILED) {
        frames.add(x0, Math.max(x0 + 1, x1));
        if (x1 - x0 >= 30) {
          offerChip(false, x0, x1, row, span, type, labels, nameOf(track, index));
        }
      }
      k = Math.max(k + 2, tasks.firstAtOrAfter(span.time(x1 + 1)) - 1);
    }
    frames.flush();
    LaneTrack.IndexList failures = track.failures();
    for (int f = failures.firstAtOrAfter(span.start()); f < failures.size() && failures.timeOf(f) <= span.limit(); f++) {
      int begin = track.taskBegin(failures.get(f));
      double x0 = Math.max(span.left() - 2, span.x(track.time(begin)));
      double x1 = span.x(failures.timeOf(f));
      SolidShapes.frame(g, Palette.failure(), x0, top + 1, Math.max(1, x1 - x0), h - 2, 3);
      if (x1 - x0 >= 30) {
        offerChip(true, x0, x1, row, span, type, labels, "✗ " + nameOf(track, begin), "✗ " + track.value(begin), "✗");
      }
      f = Math.max(f, failures.firstAtOrAfter(span.time(x1 + 1)) - 1);
    }
  }

  private static String nameOf(LaneTrack track, int begin) {
    return track.text(begin).isEmpty() ? "#" + track.value(begin) : track.text(begin);
  }

  /**
   * The task's name on a chip in the middle of its frame, cut short to fit, in smaller type when
   * the lane is low; at the top of the lane, else at its bottom, else none: never over its edges.
   */
  private static void offerChip(boolean failed, double x0, double x1, LaneRow row, FrameSpan span, TimelineType type, EventLabels labels,
      String name, String... shorter) {
    double top = row.top();
    double h = row.height();
    boolean large = type.large().getSize() + 6 <= h;
    Font font = large ? type.large() : type.small();
    double chipHeight = font.getSize() + 6;
    if (chipHeight > h + 0.01) {
      return;
    }
    double right = Math.min(x1, span.width() - 2);
    double left = Math.max(x0, span.left());
    double room = right - left - 18;
    String label = CanvasText.fitting(name, font, room);
    if (!label.equals(name) && shorter.length > 0) {
      // a failure keeps its mark: its number, else the ✗ alone, in the smaller type if need be
      String kept = null;
      for (Font tried : large ? List.of(font, type.small()) : List.of(font)) {
        for (String shortForm : shorter) {
          if (kept == null && CanvasText.width(shortForm, tried) + 12 <= right - left) {
            kept = shortForm;
            font = tried;
            large = tried == type.large();
          }
        }
      }
      label = kept == null ? "" : kept;
      chipHeight = font.getSize() + 6;
    }
    if (label.isEmpty()) {
      return;
    }
    double chipWidth = CanvasText.width(label, font) + 12;
    double cx = left + (right - left - chipWidth) / 2;
    double y = Math.min(top + 3, top + h - chipHeight);
    labels.offer(failed ? Priority.FAILURE : Priority.TASK, row, chipWidth, chipHeight, left, right,
        new EventLabels.Label(label, large, failed ? Palette.failure() : Palette.text(), row.ground(), 6, 2), cx, y, cx, top + h - chipHeight);
  }
}
