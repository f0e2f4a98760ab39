package concurrencylab.ui.timeline;

/**
 * Where the lanes are, top to bottom: each {@code laneHeight} tall, the first just below the
 * axis, all scrolled up under it by {@code scroll} pixels.
 */
record LaneLayout(double axisHeight, double laneHeight, double scroll) {
  /** Where lane {@code laneId} begins (lanes scrolled under the axis included). */
  double top(double laneId) {
    return axisHeight + laneId * laneHeight - scroll;
  }

  /** The middle of lane {@code laneId}. */
  double middle(int laneId) {
    return top(laneId) + laneHeight / 2;
  }
}
