package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import org.junit.jupiter.api.Test;

/** What is under the pointer, found without a window: the lane at a height, the line at an x. */
class TimelineHitTestTest {
  @Test
  void aPrintedLineIsFoundWithinAFewPixelsAndOnlyOnceItHasHappened() {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    Lane child = trace.addLane("Process-1", LaneKind.PROCESS, 2, main.id());
    trace.recordAt(main.id(), 0, EventKind.START, 0, "");
    trace.recordAt(child.id(), 0, EventKind.START, 0, "");
    trace.recordAt(child.id(), 500_000_000L, EventKind.PRINT, 0, "hello");
    trace.sync();
    trace.finish();
    TimelineViewport view = new TimelineViewport();
    view.setColumns(200, 1200);
    view.setView(0, 1_000_000_000L);
    double x = view.x(500_000_000L);

    assertThat(TimelineHitTest.eventNear(trace, view, child.id(), x + 3, -1).text()).isEqualTo("hello");
    assertThat(TimelineHitTest.eventNear(trace, view, child.id(), x + 20, -1)).as("too far").isNull();
    assertThat(TimelineHitTest.eventNear(trace, view, main.id(), x, -1)).as("another lane").isNull();
    assertThat(TimelineHitTest.eventNear(trace, view, child.id(), x, 400_000_000L)).as("not yet, in a replay").isNull();
    assertThat(TimelineHitTest.eventNear(trace, view, child.id(), 100, -1)).as("on the labels").isNull();
    assertThat(TimelineHitTest.lineNear(trace.store().track(child.id()), view, x - 4)).isNotNegative();
  }

  @Test
  void theLaneUnderAPointCountsTheScroll() {
    assertThat(TimelineHitTest.laneAt(20, 34, 40, 0)).as("on the axis").isEqualTo(-1);
    assertThat(TimelineHitTest.laneAt(34 + 85, 34, 40, 0)).isEqualTo(2);
    assertThat(TimelineHitTest.laneAt(34 + 85, 34, 40, 120)).as("scrolled by three lanes").isEqualTo(5);
  }
}
