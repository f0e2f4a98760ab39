package concurrencylab.bench;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.SplittableRandom;

/**
 * A finished run of a given size for the drawing benchmarks: a main process that spawned the other
 * lanes, each lane a worker cycling through tasks, prints, sleeps and waits, as a busy pool would.
 * Seeded, so every bench run draws the same picture.
 */
final class SyntheticTrace {
  static final long RUN_NANOS = 10_000_000_000L;

  /** One worker's cycle: what each event of a lane is, in turn. */
  private static final EventKind[] CYCLE = {
    EventKind.STATE, EventKind.TASK_BEGIN, EventKind.PRINT, EventKind.PRINT, EventKind.STATE,
    EventKind.STATE, EventKind.PRINT, EventKind.TASK_END, EventKind.STATE, EventKind.PRINT,
  };
  private static final LaneState[] CYCLE_STATES = {LaneState.RUNNING, LaneState.SLEEPING, LaneState.RUNNING, LaneState.WAITING};
  private static final String[] LINES = {"working on 17", "found 3 primes", "result 42", "done with chunk"};

  private SyntheticTrace() {}

  static Trace build(long events, int laneCount) {
    return build(events, laneCount, 0);
  }

  /**
   * The same run, and when {@code linkEvery} is above 0 every so many events of a lane are also
   * linked from the event at the same place on the lane above, as hand-overs of a lock passed down
   * the lanes would be: the same events, plus about {@code events / linkEvery} links to draw.
   */
  static Trace build(long events, int laneCount, int linkEvery) {
    Trace trace = new Trace();
    SplittableRandom random = new SplittableRandom(42);
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1000, Lane.NO_PARENT);
    trace.recordAt(main.id(), 0, EventKind.START, 0, "pid 1000");
    for (int i = 1; i < laneCount; i++) {
      Lane lane = trace.addLane("worker-" + i, LaneKind.PROCESS, 1000 + i, main.id());
      long spawn = i * 1_000_000L;
      trace.recordAt(main.id(), spawn, EventKind.SPAWN, lane.id(), lane.name());
    }
    long perLane = Math.max(2, events / laneCount);
    EventRef[] above = new EventRef[linkEvery > 0 ? (int) (perLane / linkEvery) + 1 : 0];
    long step = RUN_NANOS / perLane;
    for (int laneId = 0; laneId < laneCount; laneId++) {
      long time = laneId == 0 ? 0 : laneId * 1_000_000L;
      if (laneId > 0) {
        trace.recordAt(laneId, time, EventKind.START, 0, "pid " + (1000 + laneId));
      }
      int stateTurn = 0;
      long task = 0;
      for (long n = 1; n < perLane - 1; n++) {
        time += 1 + random.nextLong(2 * step);
        EventKind kind = CYCLE[(int) ((n + laneId) % CYCLE.length)];
        if (linkEvery > 0 && n % linkEvery == 0) {
          long value = kind == EventKind.STATE ? CYCLE_STATES[stateTurn++ % CYCLE_STATES.length].ordinal()
              : kind == EventKind.TASK_BEGIN ? task : kind == EventKind.TASK_END ? task++ : 0;
          String text = kind == EventKind.PRINT ? LINES[(int) (n % LINES.length)] : kind == EventKind.TASK_BEGIN ? "task " + value : "";
          EventRef here = trace.recordRefAt(laneId, time, kind, value, text, TraceEvent.NO_OBJECT);
          int slot = (int) (n / linkEvery);
          if (laneId > 0 && above[slot] != null) {
            trace.link(above[slot], here, LinkKind.HAND_OVER);
          }
          above[slot] = here;
          continue;
        }
        switch (kind) {
          case STATE -> trace.recordAt(laneId, time, kind, CYCLE_STATES[stateTurn++ % CYCLE_STATES.length].ordinal(), "");
          case TASK_BEGIN -> trace.recordAt(laneId, time, kind, task, "task " + task);
          case TASK_END -> trace.recordAt(laneId, time, kind, task++, "");
          default -> trace.recordAt(laneId, time, kind, 0, LINES[(int) (n % LINES.length)]);
        }
        if (n % 65_536 == 0) {
          trace.sync();
        }
      }
      trace.recordAt(laneId, Math.max(time, RUN_NANOS), EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
      trace.sync();
    }
    trace.finish();
    return trace;
  }
}
