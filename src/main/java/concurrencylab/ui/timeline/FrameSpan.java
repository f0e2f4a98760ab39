package concurrencylab.ui.timeline;

/**
 * What a frame shows of the run: the viewport (its columns set for the width drawn to), how far
 * the run has got ({@code end}: the live end, or the replay's cursor), and the time nothing is
 * drawn after ({@code limit}: the earlier of that and the view's end).
 */
record FrameSpan(TimelineViewport view, long end, long limit) {
  double left() {
    return view.axisLeft();
  }

  double width() {
    return view.width();
  }

  double x(long time) {
    return view.x(time);
  }

  long time(double x) {
    return view.time(x);
  }

  long start() {
    return view.start();
  }
}
