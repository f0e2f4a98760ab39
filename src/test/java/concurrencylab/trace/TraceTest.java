package concurrencylab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TraceTest {
  @Test
  void everyEventOfManyProducersArrivesOnceAndInOrderPerLane() throws Exception {
    Trace trace = new Trace();
    int producers = 16;
    int perProducer = 50_000;
    List<Lane> lanes = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      lanes.add(trace.addLane("producer-" + p, LaneKind.THREAD, 1, Lane.NO_PARENT));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (Lane lane : lanes) {
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perProducer; i++) {
          trace.record(lane, EventKind.COUNTER, i, "");
        }
      });
      t.start();
      threads.add(t);
    }
    go.countDown();
    long synced = 0;
    while (threads.stream().anyMatch(Thread::isAlive)) {
      synced += trace.sync().size(); // the consumer drains while producers still run
    }
    synced += trace.sync().size();

    assertThat(synced).isEqualTo((long) producers * perProducer);
    assertThat(trace.recordedCount()).isEqualTo(synced);
    for (Lane lane : lanes) {
      LaneTrack track = trace.store().track(lane.id());
      assertThat(track.size()).isEqualTo(perProducer);
      for (int i = 0; i < perProducer; i++) {
        assertThat(track.value(i)).as("sequence on lane %d", lane.id()).isEqualTo(i);
        if (i > 0) {
          assertThat(track.time(i)).isGreaterThanOrEqualTo(track.time(i - 1));
        }
      }
    }
  }

  @Test
  void eventsAreFoundByTimeAndTheStateAtATimeFollowsTheChanges() {
    Trace trace = new Trace();
    Lane lane = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(0, 100, EventKind.START, 0, "");
    trace.recordAt(0, 200, EventKind.PRINT, 0, "a");
    trace.recordAt(0, 300, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(0, 400, EventKind.PRINT, 0, "b");
    trace.recordAt(0, 500, EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
    trace.sync();
    LaneTrack track = trace.store().track(lane.id());

    assertThat(track.stateAt(50)).isNull();
    assertThat(track.stateAt(150)).isEqualTo(LaneState.RUNNING);
    assertThat(track.stateAt(350)).isEqualTo(LaneState.SLEEPING);
    assertThat(track.stateAt(600)).isEqualTo(LaneState.ENDED);
    assertThat(track.lines().firstAtOrAfter(201)).isEqualTo(1);
    assertThat(track.text(track.lines().get(1))).isEqualTo("b");
    assertThat(track.lines().lastAtOrBefore(199)).isEqualTo(-1);
  }

  @Test
  void anEventHandedInLateIsKeptInTimeOrderOnItsLane() {
    Trace trace = new Trace();
    trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(0, 500, EventKind.PRINT, 0, "first to arrive");
    trace.recordAt(0, 300, EventKind.PRINT, 0, "stamped earlier, arrived later");
    List<TraceEvent> batch = trace.sync();

    assertThat(batch).extracting(TraceEvent::time).containsExactly(500L, 500L);
    assertThat(trace.store().track(0).size()).isEqualTo(2);
  }
}
