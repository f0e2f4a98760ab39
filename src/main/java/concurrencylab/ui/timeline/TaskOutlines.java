package concurrencylab.ui.timeline;

import concurrencylab.ui.look.Palette;

/**
 * The outlines of a lane's tasks, added left to right, drawn as {@link SolidShapes#frame} would
 * draw each one but with neighbouring pixels merged: the top and bottom edges of back-to-back tasks
 * are one fill each, and side edges that touch are one band. A zoomed-out lane of thousands of
 * tasks costs a handful of fills instead of four per task.
 */
final class TaskOutlines {
  private final Fills g;
  private final double top;
  private final double height;
  private final double line;
  private double stretchStart = Double.NaN;
  private double stretchEnd;
  private double edgeStart = Double.NaN;
  private double edgeEnd = Double.NEGATIVE_INFINITY;

  TaskOutlines(Fills g, double top, double height, double line) {
    this.g = g;
    this.top = top;
    this.height = height;
    this.line = line;
  }

  /** Adds a task from {@code x0} to {@code x1}, drawn on whole pixels: crisp, and cheaper to fill. */
  void add(double from, double to) {
    double x0 = Math.round(from);
    double x1 = Math.max(x0 + 1, Math.round(to));
    if (!Double.isNaN(stretchStart) && (x0 > stretchEnd + 2.5 || x0 < stretchStart)) {
      flushStretch();
    }
    if (Double.isNaN(stretchStart)) {
      stretchStart = x0;
      stretchEnd = x1;
    }
    stretchEnd = Math.max(stretchEnd, x1);
    addEdge(x0);
    addEdge(x1);
  }

  private void addEdge(double x) {
    double half = line / 2;
    if (!Double.isNaN(edgeStart) && (x - half > edgeEnd + 0.5 || x - half < edgeStart)) {
      flushEdge();
    }
    if (Double.isNaN(edgeStart)) {
      edgeStart = x - half;
    }
    edgeEnd = Math.max(edgeEnd, x + half);
  }

  void flush() {
    flushStretch();
    flushEdge();
  }

  private void flushStretch() {
    if (Double.isNaN(stretchStart)) {
      return;
    }
    double half = line / 2;
    double w = stretchEnd - stretchStart;
    if (height <= line) {
      g.fill(Palette.text(), stretchStart - half, top - half, w + line, height + line);
    } else {
      g.fill(Palette.text(), stretchStart - half, top - half, w + line, line);
      g.fill(Palette.text(), stretchStart - half, top + height - half, w + line, line);
    }
    stretchStart = Double.NaN;
  }

  private void flushEdge() {
    if (Double.isNaN(edgeStart)) {
      return;
    }
    double half = line / 2;
    g.fill(Palette.text(), edgeStart, top + half, edgeEnd - edgeStart, height - line);
    edgeStart = Double.NaN;
    edgeEnd = Double.NEGATIVE_INFINITY;
  }
}
