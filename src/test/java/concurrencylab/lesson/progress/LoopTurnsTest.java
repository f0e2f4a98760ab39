package concurrencylab.lesson.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The turns of the Python progress script's loop and the bars it drew, read from queue events alone. */
class LoopTurnsTest {
  private static final long MS = 1_000_000;
  private final Trace trace = new Trace();
  private final int queue = trace.addSyncObject(SyncKind.QUEUE, "Queue 1").id();
  private final int lock = trace.addSyncObject(SyncKind.LOCK, "Lock 2").id();
  private final List<TraceEvent> events = new ArrayList<>();

  private void on(int lane, long millis, EventKind kind) {
    events.add(new TraceEvent(lane, millis * MS, kind, 0, "", queue));
  }

  @Test
  void aJobOnTheLoopIsOneLongGapAndItsStepsAreDrawnAfterIt() {
    int loop = 1;
    on(loop, 10, EventKind.WAIT);
    on(loop, 27, EventKind.WAKE); // idle frames
    on(loop, 44, EventKind.WAKE);
    on(loop, 45, EventKind.PUT); // the click
    on(loop, 46, EventKind.GET);
    for (int step = 1; step <= 3; step++) {
      on(loop, 46 + 100 * step, EventKind.PUT); // the job, on the loop, asks for its draws
    }
    events.add(new TraceEvent(loop, 347 * MS, EventKind.LOCK_ACQUIRED, 1, "", lock)); // not a queue: no turn
    events.add(new TraceEvent(loop, 348 * MS, EventKind.PRINT, 0, "")); // no object: no turn
    on(loop, 350, EventKind.GET);
    on(loop, 351, EventKind.GET);
    on(loop, 352, EventKind.GET);

    LoopTurns turns = new LoopTurns(trace);
    LoopTurns.Batch read = turns.add(events);

    assertThat(read.gapsNanos()).containsExactly(17 * MS, 2 * MS, 304 * MS, MS, MS);
    assertThat(turns.longestGapNanos()).isEqualTo(304 * MS);
    assertThat(turns.loopLane()).isEqualTo(loop);
    assertThat(turns.drawn()).as("the click draws nothing; each later event one step").containsExactly(entry(loop, 3));
    assertThat(read.drawnByLane()).containsExactly(entry(loop, 3));
  }

  @Test
  void backgroundStepsAreDrawnOnTheBarsOfTheThreadsThatPutThemAcrossBatches() {
    int loop = 1;
    int job1 = 2;
    int job2 = 3;
    on(loop, 5, EventKind.PUT);
    on(loop, 6, EventKind.GET); // the click
    on(job2, 20, EventKind.PUT);
    on(job1, 21, EventKind.PUT);
    on(loop, 22, EventKind.GET); // job2's
    LoopTurns turns = new LoopTurns(trace);
    LoopTurns.Batch first = turns.add(List.copyOf(events));
    events.clear();
    on(job1, 40, EventKind.GET); // a GET by another thread is no turn of the loop
    on(loop, 41, EventKind.GET); // job1's
    on(job1, 50, EventKind.PUT);
    on(loop, 51, EventKind.GET);
    LoopTurns.Batch second = turns.add(events);

    assertThat(first.drawnByLane()).containsExactly(entry(job2, 1));
    assertThat(second.drawnByLane()).containsExactly(entry(job1, 2));
    assertThat(first.gapsNanos()).containsExactly(16 * MS);
    assertThat(second.gapsNanos()).containsExactly(19 * MS, 10 * MS);
    assertThat(turns.gaps()).isEqualTo(3);
  }

  @Test
  void onlyThePythonRunOfTheProgressLessonIsReadSo() {
    assertThat(LoopTurns.applies(trace)).isFalse();
    RunInfo python = new RunInfo("progress", List.of(new RunInfo.Parameter("language", "python")), "en", "", Instant.EPOCH);
    RunInfo inJava = new RunInfo("progress", List.of(), "en", "", Instant.EPOCH);
    assertThat(LoopTurns.applies(new Trace(python))).isTrue();
    assertThat(LoopTurns.applies(new Trace(inJava))).isFalse();
  }
}
