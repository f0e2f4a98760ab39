package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slow motion's pause is the thread sleeping, and its lane says so (it was drawn running through it). */
class PacerTest {
  @Test
  void aStepsPauseIsOnTheLaneAsSleepingForAsLongAsItLasted() throws Exception {
    Trace trace = new Trace();
    Lane lane = trace.addLane("Thread-1", LaneKind.THREAD, 1, Lane.NO_PARENT);
    TracedLane traced = new TracedLane(trace, lane);
    new Pacer(40).step(traced);
    List<TraceEvent> events = trace.sync().stream().filter(e -> e.kind() == EventKind.STATE).toList();
    assertThat(events).extracting(TraceEvent::state).containsExactly(LaneState.SLEEPING, LaneState.RUNNING);
    assertThat(events.get(1).time() - events.get(0).time()).as("the pause, in nanoseconds").isGreaterThanOrEqualTo(40_000_000L);
  }

  @Test
  void withoutSlowMotionTheLaneGetsNoPause() throws Exception {
    Trace trace = new Trace();
    Lane lane = trace.addLane("Thread-1", LaneKind.THREAD, 1, Lane.NO_PARENT);
    new Pacer(0).step(new TracedLane(trace, lane));
    assertThat(trace.sync()).noneMatch(e -> e.kind() == EventKind.STATE);
  }
}
