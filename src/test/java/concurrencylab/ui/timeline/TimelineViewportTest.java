package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The timeline's view as a plain object: fit, follow, zoom, pan, time and x, lane scroll. */
class TimelineViewportTest {
  private final TimelineViewport view = new TimelineViewport();

  TimelineViewportTest() {
    view.setColumns(200, 1200); // 1000 columns of time right of the labels
  }

  @Test
  void fittingShowsTheWholeRunWithRoomForTheEndLabels() {
    view.fit(1_000_000_000L);
    assertThat(view.start()).isZero();
    assertThat(view.end()).isEqualTo(1_120_000_000L);
    assertThat(view.x(0)).isEqualTo(200);
    assertThat(view.x(1_000_000_000L)).isCloseTo(200 + 1000 / 1.12, within(1e-6));
  }

  @Test
  void timeAndXAreInverse() {
    view.setView(2_000_000_000L, 3_000_000_000L);
    for (long t = 2_000_000_000L; t <= 3_000_000_000L; t += 123_456_789L) {
      assertThat(view.time(view.x(t))).isCloseTo(t, within(2L));
    }
    assertThat(view.time(700)).isEqualTo(2_500_000_000L);
  }

  @Test
  void followingKeepsTheLiveEndInViewAndTheLast30Seconds() {
    view.follow(500_000_000L);
    assertThat(view.end()).isEqualTo(1_000_000_000L);
    view.follow(100_000_000_000L);
    assertThat(view.end()).isEqualTo(112_000_000_000L);
    assertThat(view.end() - view.start()).isEqualTo(TimelineViewport.FOLLOW_SPAN);
    view.setFollowing(false);
    view.follow(200_000_000_000L);
    assertThat(view.end()).as("not following: stays").isEqualTo(112_000_000_000L);
  }

  @Test
  void zoomingKeepsItsAnchorWhereItIsAndStopsAtOneMillisecond() {
    view.setView(0, 1_000_000_000L);
    double before = view.x(250_000_000L);
    view.zoomAround(250_000_000L, 0.5);
    assertThat(view.end() - view.start()).isEqualTo(500_000_000L);
    assertThat(view.x(250_000_000L)).isCloseTo(before, within(1e-6));
    for (int i = 0; i < 100; i++) {
      view.zoomAround(250_000_000L, 0.1);
    }
    assertThat(view.end() - view.start()).isEqualTo(TimelineViewport.MIN_SPAN);
  }

  @Test
  void panningMovesTheViewWithTheMouseAndNeverBeforeTheStart() {
    view.setView(1_000_000_000L, 2_000_000_000L);
    view.panFrom(1_000_000_000L, -100); // dragged 100 columns left: later times come into view
    assertThat(view.start()).isEqualTo(1_100_000_000L);
    assertThat(view.end()).isEqualTo(2_100_000_000L);
    view.panFrom(view.start(), 5000);
    assertThat(view.start()).isZero();
    assertThat(view.end() - view.start()).isEqualTo(1_000_000_000L);
  }

  @Test
  void theLaneScrollStaysWithinWhatOverflows() {
    view.setLaneOverflow(300);
    view.setLaneScroll(1000);
    assertThat(view.laneScroll()).isEqualTo(300);
    view.setLaneScroll(-5);
    assertThat(view.laneScroll()).isZero();
    view.setLaneScroll(250);
    view.setLaneOverflow(100); // a larger window: less to scroll
    assertThat(view.laneScroll()).isEqualTo(100);
    view.reset();
    assertThat(view.laneScroll()).isZero();
    assertThat(view.isFollowing()).isTrue();
  }
}
