package concurrencylab.ui.timeline;

import concurrencylab.ui.look.Palette;

/**
 * The line down the lanes at the time the run has got to: in the text colour while a run draws
 * live, in the first lane's colour at the cursor of a replay or a scrub.
 */
final class CursorPainter {
  private CursorPainter() {}

  /** The line at {@code span.end()}, from the axis down to {@code bottom}; a replay's when {@code replaying}. */
  static void paint(Fills g, FrameSpan span, boolean replaying, double axisHeight, double bottom) {
    SolidShapes.verticalLine(g, replaying ? Palette.lane(0) : Palette.text(), span.x(span.end()), axisHeight, bottom, 2);
  }
}
