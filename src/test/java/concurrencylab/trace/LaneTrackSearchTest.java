package concurrencylab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LaneTrackSearchTest {
  @Test
  void searchesFromAnyStartingPointGiveTheAnswersOfAPlainScan() {
    SplittableRandom random = new SplittableRandom(7);
    Trace trace = new Trace();
    trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    long time = 0;
    for (int i = 0; i < 2_000; i++) {
      time += random.nextInt(4); // many ties
      trace.recordAt(0, time, EventKind.PRINT, i, "");
    }
    trace.sync();
    LaneTrack.IndexList lines = trace.store().track(0).lines();

    for (int query = 0; query < 20_000; query++) {
      long at = random.nextLong(-5, time + 5);
      int first = 0;
      while (first < lines.size() && lines.timeOf(first) < at) {
        first++;
      }
      int last = -1;
      while (last + 1 < lines.size() && lines.timeOf(last + 1) <= at) {
        last++;
      }
      assertThat(lines.firstAtOrAfter(at)).as("first at or after %d", at).isEqualTo(first);
      assertThat(lines.lastAtOrBefore(at)).as("last at or before %d", at).isEqualTo(last);
    }
  }

  /** The kinds kept beside each list's times are the kinds of the events the entries stand for. */
  @Test
  void eachEntryKnowsTheKindOfItsEvent() {
    SplittableRandom random = new SplittableRandom(11);
    EventKind[] kinds = {EventKind.PRINT, EventKind.STDERR, EventKind.TASK_BEGIN, EventKind.TASK_END, EventKind.TASK_FAILED,
      EventKind.LOCK_WAIT, EventKind.LOCK_ACQUIRED, EventKind.LOCK_RELEASED, EventKind.STATE, EventKind.MARKER};
    Trace trace = new Trace();
    trace.addLane("main", LaneKind.THREAD, 1, Lane.NO_PARENT);
    for (int i = 0; i < 5_000; i++) {
      EventKind kind = kinds[random.nextInt(kinds.length)];
      trace.recordAt(0, i, kind, kind == EventKind.STATE ? LaneState.SLEEPING.ordinal() : 1, "");
    }
    trace.sync();
    LaneTrack track = trace.store().track(0);

    int entries = 0;
    for (LaneTrack.IndexList list : java.util.List.of(track.lines(), track.tasks(), track.locks(), track.states(), track.marks(), track.failures())) {
      for (int k = 0; k < list.size(); k++) {
        assertThat(list.kindOf(k)).as("entry %d", k).isEqualTo(track.kind(list.get(k)));
        entries++;
      }
    }
    assertThat(entries).isGreaterThan(5_000);
  }

  @Test
  void anEmptyListHasNothingBeforeOrAfter() {
    LaneTrack.IndexList lines = new LaneTrack().lines();

    assertThat(lines.firstAtOrAfter(10)).isZero();
    assertThat(lines.lastAtOrBefore(10)).isEqualTo(-1);
  }

  @Test
  void aFailureFindsTheTaskItEndedAndStatesAreKnownAtAnyTime() {
    Trace trace = new Trace();
    trace.addLane("worker", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(0, 0, EventKind.START, 0, "");
    trace.recordAt(0, 10, EventKind.TASK_BEGIN, 1, "first");
    trace.recordAt(0, 20, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(0, 30, EventKind.TASK_END, 1, "");
    trace.recordAt(0, 30, EventKind.TASK_BEGIN, 2, "second");
    trace.recordAt(0, 40, EventKind.TASK_FAILED, 2, "boom");
    trace.recordAt(0, 50, EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
    trace.sync();
    LaneTrack track = trace.store().track(0);

    assertThat(track.failures().size()).isEqualTo(1);
    int begin = track.taskBegin(track.failures().get(0));
    assertThat(track.text(begin)).isEqualTo("second");
    assertThat(track.time(begin)).isEqualTo(30);
    assertThat(track.stateAt(-1)).isNull();
    assertThat(track.stateAt(5)).isEqualTo(LaneState.RUNNING);
    assertThat(track.stateAt(25)).isEqualTo(LaneState.SLEEPING);
    assertThat(track.stateAt(50)).isEqualTo(LaneState.ENDED);
  }
}
