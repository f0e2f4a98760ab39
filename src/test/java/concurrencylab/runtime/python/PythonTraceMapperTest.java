package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneEvents;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper's rules on records whose order the writers do not agree on. */
class PythonTraceMapperTest {
  private static TracerRecord record(char kind, long pid, long time, String a, String b, String c, String text) {
    return new TracerRecord(kind, pid, pid, time, a, b, c, text);
  }

  @Test
  void aChildAnnouncedAfterItsParentEndedGetsALaneAndNothingFollowsTheParentsEnd() {
    Trace trace = new Trace();
    Lane starter = trace.addLane("app", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    PythonTraceMapper mapper = new PythonTraceMapper(trace, starter, new PythonTraceMapper.Listener() {});
    long t = System.nanoTime();
    mapper.accept(record('B', 100, t, "", "", "", ""));
    mapper.accept(record('P', 100, t + 1_000, "1", "100", "spawn", "MainProcess"));
    // the supervisor reaps the script; only then does multiprocessing's resource tracker, started
    // by the script while it ran, get its own start record written
    mapper.accept(record('W', 1, t + 9_000_000, "100", "exit", "0", ""));
    mapper.accept(record('P', 200, t + 5_000_000, "100", "100", "spawn", "resource_tracker"));
    mapper.accept(record('W', 1, t + 12_000_000, "200", "exit", "0", ""));
    mapper.finish(false);
    trace.sync(); // what was recorded, into the store the lanes are read from

    Lane main = trace.lanes().stream().filter(l -> l.name().equals("MainProcess")).findFirst().orElseThrow();
    Lane tracker = trace.lanes().stream().filter(l -> l.name().equals("resource_tracker")).findFirst().orElseThrow();
    for (Lane lane : List.of(main, tracker)) {
      List<TraceEvent> on = LaneEvents.of(trace, lane);
      assertThat(on.get(on.size() - 1).kind()).as("last event on %s: %s", lane.name(), on).isEqualTo(EventKind.END);
    }
    assertThat(LaneEvents.of(trace, tracker).get(0).text()).contains("ppid 100").contains("announced after its parent ended");
  }
}
