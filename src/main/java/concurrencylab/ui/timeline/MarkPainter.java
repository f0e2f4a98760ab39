package concurrencylab.ui.timeline;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import concurrencylab.ui.timeline.LabelPlacement.Priority;

/**
 * What a lane marks on its way: a phase marker as a dashed line with a flag label, a counter's
 * reads and writes as small values along the bottom (threads only), and how the lane ended, as a
 * bar with its exit (in the failure colour when it failed) in the lane's lowest row.
 */
final class MarkPainter {
  private final I18n i18n;

  MarkPainter(I18n i18n) {
    this.i18n = i18n;
  }

  void paintMarks(Fills g, FrameSpan span, LaneTrack track, LaneRow row, boolean showValues, TimelineType type, EventLabels labels) {
    LaneTrack.IndexList marks = track.marks();
    double top = row.top();
    double h = row.height();
    int k = marks.firstAtOrAfter(span.start());
    double rowStep = type.small().getSize() + 5;
    int rows = Math.max(1, (int) (h / rowStep));
    double[] rowYs = new double[rows];
    for (int r = 0; r < rows; r++) {
      rowYs[r] = top + r * rowStep;
    }
    double valuesEnd = Double.NEGATIVE_INFINITY;
    MarksTogether together = null;
    double pixel = Double.NaN;
    int inPixel = 0;
    while (k < marks.size() && marks.timeOf(k) <= span.limit()) {
      int index = marks.get(k);
      double x = span.x(marks.timeOf(k));
      if (Math.floor(x) != pixel) {
        inPixel = 0;
        pixel = Math.floor(x);
      }
      EventKind kind = track.kind(index);
      if (showValues && (kind == EventKind.READ || kind == EventKind.COUNTER)) {
        String label = (kind == EventKind.READ ? "r" : "w") + track.value(index);
        double w = CanvasText.width(label, type.small()) + 6;
        // centred on its event, but kept inside the lanes: the first read of a run ("r0", the one
        // the lesson is about) stands at the axis's start and half of it had no room
        double at = Math.max(span.left(), Math.min(x - w / 2, span.width() - 2 - w));
        if (at > valuesEnd) { // values share one row: one that would touch the last offered has no chance
          double boxHeight = type.small().getSize() + 4;
          labels.offer(Priority.VALUE, row, w, boxHeight, span.left(), span.width() - 2,
              new EventLabels.Label(label, false, label.startsWith("w") ? Palette.text() : Palette.mutedText(), row.ground(), 3, 1),
              at, top + h - boxHeight);
          valuesEnd = at + w;
          inPixel++;
        }
      } else if (kind == EventKind.MARKER) {
        SolidShapes.dashedVerticalLine(g, Palette.text(), x, top, top + h, 1.5, 4, 3);
        String text = "⚑ " + TraceTexts.text(track.text(index), i18n);
        if (together != null && together.takes(x, type)) {
          together.add(text);
        } else {
          offer(together, labels, span, row, type, rowYs);
          together = new MarksTogether(x, text);
          inPixel++;
        }
      }
      // a pixel holds no more labels than the lane has rows (marks sharing one count once): past
      // that, skip to the next pixel
      k = inPixel <= rows ? k + 1 : Math.max(k + 1, marks.firstAtOrAfter(span.time(x + 1)));
    }
    offer(together, labels, span, row, type, rowYs);
  }

  /**
   * Marks set closer together than their labels are wide (a pool's apply_async, close() and
   * join() within a few milliseconds) share one label, in the order they were set: placed apart,
   * the later ones went left of the first or were left out.
   */
  private static final class MarksTogether {
    static final int MOST = 3;
    final double x;
    final StringBuilder text;
    int count = 1;

    MarksTogether(double x, String text) {
      this.x = x;
      this.text = new StringBuilder(text);
    }

    boolean takes(double nextX, TimelineType type) {
      return count < MOST && nextX <= x + 3 + CanvasText.width(text.toString(), type.small()) + 8;
    }

    void add(String more) {
      text.append("   ").append(more);
      count++;
    }
  }

  private static void offer(MarksTogether together, EventLabels labels, FrameSpan span, LaneRow row, TimelineType type, double[] rowYs) {
    if (together != null) {
      labels.offerBeside(Priority.PHASE, row, span, type, together.text.toString(), Palette.text(), together.x, rowYs);
    }
  }

  void paintEnd(Fills g, FrameSpan span, LaneTrack track, LaneRow row, TimelineType type, EventLabels labels) {
    int index = track.endIndex();
    if (index < 0) {
      return;
    }
    long time = track.time(index);
    if (time < span.start() || time > span.limit()) {
      return;
    }
    double top = row.top();
    double h = row.height();
    double x = span.x(time);
    boolean failed = track.value(index) != 0;
    g.fill(failed ? Palette.failure() : Palette.text(), x - 1.5, top, 3, h);
    String label = (failed ? "✗ " : "■ ") + TraceTexts.text(track.text(index), i18n);
    double boxHeight = type.small().getSize() + 4;
    double rowStep = type.small().getSize() + 5;
    // in the lowest row the lane has, beside its tick (left of it near the right edge), leaving
    // the upper rows to the marks, which are labelled from the top down
    double[] rowYs = new double[Math.max(1, (int) (h / rowStep))];
    for (int r = 0; r < rowYs.length; r++) {
      rowYs[r] = Math.max(top, top + h - boxHeight - r * rowStep);
    }
    labels.offerBeside(failed ? Priority.FAILURE : Priority.END, row, span, type, label, failed ? Palette.failure() : Palette.text(), x, rowYs);
  }
}
