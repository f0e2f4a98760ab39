package concurrencylab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SyncObjectsAndLinksTest {
  @Test
  void syncObjectsAreRegisteredInOrderAndTheirEventsNameThem() {
    Trace trace = new Trace();
    Lane thread = trace.addLane("Thread-1", LaneKind.THREAD, 1, Lane.NO_PARENT);
    SyncObject lock = trace.addSyncObject(SyncKind.LOCK, "lock");
    SyncObject queue = trace.addSyncObject(SyncKind.QUEUE, "jobs");
    SyncObject counter = trace.addSyncObject(SyncKind.COUNTER, "counter");

    trace.recordAt(thread.id(), 10, EventKind.START, 0, "");
    trace.recordSync(thread, lock, EventKind.LOCK_ACQUIRED, 1);
    trace.record(thread, EventKind.PRINT, "between");
    trace.recordSync(thread, queue, EventKind.PUT, 3);
    trace.recordSync(thread, counter, EventKind.COUNTER, 7);
    trace.recordSync(thread, lock, EventKind.LOCK_RELEASED, 0);
    List<TraceEvent> batch = trace.sync();
    LaneTrack track = trace.store().track(thread.id());

    assertThat(trace.syncObjects()).containsExactly(
        new SyncObject(0, SyncKind.LOCK, "lock"), new SyncObject(1, SyncKind.QUEUE, "jobs"), new SyncObject(2, SyncKind.COUNTER, "counter"));
    assertThat(trace.syncObject(1)).isEqualTo(queue);
    assertThat(batch).extracting(TraceEvent::object)
        .containsExactly(TraceEvent.NO_OBJECT, lock.id(), TraceEvent.NO_OBJECT, queue.id(), counter.id(), lock.id());
    int[] objects = new int[track.size()];
    for (int i = 0; i < track.size(); i++) {
      objects[i] = track.object(i);
    }
    assertThat(objects).containsExactly(TraceEvent.NO_OBJECT, lock.id(), TraceEvent.NO_OBJECT, queue.id(), counter.id(), lock.id());
    assertThat(track.event(thread.id(), 3)).extracting(TraceEvent::kind, TraceEvent::value, TraceEvent::object)
        .containsExactly(EventKind.PUT, 3L, queue.id());
    assertThat(track.objects().size()).as("only the events that act on an object pay for an id").isEqualTo(4);
    assertThat(track.signals().size()).as("the put").isEqualTo(1);
    assertThat(track.locks().size()).isEqualTo(2);
  }

  @Test
  void aLinkJoinsTwoEventsByLaneAndIndexWhetherItsEndsWereSyncedBeforeOrNot() {
    Trace trace = new Trace();
    Lane a = trace.addLane("A", LaneKind.THREAD, 1, Lane.NO_PARENT);
    Lane b = trace.addLane("B", LaneKind.THREAD, 1, Lane.NO_PARENT);
    SyncObject lock = trace.addSyncObject(SyncKind.LOCK, "lock");
    trace.recordAt(a.id(), 0, EventKind.START, 0, "");
    trace.recordAt(b.id(), 0, EventKind.START, 0, "");
    trace.recordAt(b.id(), 50, EventKind.PRINT, 0, "b waits");
    EventRef released = trace.recordRefAt(a.id(), 100, EventKind.LOCK_RELEASED, 0, "", lock.id());
    trace.sync(); // the release is placed before anyone links it
    EventRef acquired = trace.recordRefAt(b.id(), 120, EventKind.LOCK_ACQUIRED, 1, "", lock.id());
    trace.link(released, acquired, LinkKind.HAND_OVER);
    trace.sync();
    LinkTable links = trace.store().links();

    assertThat(links.size()).isEqualTo(1);
    assertThat(List.of(links.fromLane(0), links.fromIndex(0), links.toLane(0), links.toIndex(0)))
        .containsExactly(a.id(), 1, b.id(), 2);
    assertThat(List.of(links.fromTime(0), links.toTime(0))).containsExactly(100L, 120L);
    assertThat(links.kind(0)).isEqualTo(LinkKind.HAND_OVER);
    assertThat(released.index()).isEqualTo(1);
    assertThat(acquired.index()).isEqualTo(2);
    assertThat(trace.store().track(b.id()).kind(links.toIndex(0))).isEqualTo(EventKind.LOCK_ACQUIRED);
  }

  @Test
  void linksAreKeptInTheOrderOfTheEventsTheyLeadToWhateverOrderTheyArriveIn() {
    Trace trace = new Trace();
    Lane a = trace.addLane("A", LaneKind.THREAD, 1, Lane.NO_PARENT);
    Lane b = trace.addLane("B", LaneKind.THREAD, 1, Lane.NO_PARENT);
    List<EventRef> puts = new ArrayList<>();
    List<EventRef> gets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      puts.add(trace.recordRefAt(a.id(), 100L * i, EventKind.PUT, i + 1, "", TraceEvent.NO_OBJECT));
      gets.add(trace.recordRefAt(b.id(), 100L * i + 50, EventKind.GET, i, "", TraceEvent.NO_OBJECT));
    }
    for (int i : new int[] {3, 0, 4, 1, 2}) {
      trace.link(puts.get(i), gets.get(i), LinkKind.ITEM);
    }
    trace.sync();
    LinkTable links = trace.store().links();

    List<Long> toTimes = new ArrayList<>();
    List<Long> fromTimes = new ArrayList<>();
    for (int k = 0; k < links.size(); k++) {
      toTimes.add(links.toTime(k));
      fromTimes.add(links.fromTime(k));
    }
    assertThat(toTimes).containsExactly(50L, 150L, 250L, 350L, 450L);
    assertThat(fromTimes).as("each link still starts at its own put").containsExactly(0L, 100L, 200L, 300L, 400L);
    assertThat(links.firstToAtOrAfter(151)).isEqualTo(2);
    assertThat(links.firstToAtOrAfter(1_000)).isEqualTo(5);
    assertThat(links.longestSpan()).isEqualTo(50);
  }

  @Test
  void noLinkIsLostWhileTheConsumerSyncsAsProducersLink() throws Exception {
    Trace trace = new Trace();
    int producers = 8;
    int pairs = 5_000;
    List<Lane> lanes = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      lanes.add(trace.addLane("producer-" + p, LaneKind.THREAD, 1, Lane.NO_PARENT));
    }
    Lane shared = trace.addLane("consumer side", LaneKind.THREAD, 1, Lane.NO_PARENT);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (Lane lane : lanes) {
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < pairs; i++) {
          long tag = (long) lane.id() * pairs + i;
          EventRef from = trace.recordRef(lane, EventKind.NOTIFY, tag, "");
          EventRef to = trace.recordRef(shared, EventKind.WAKE, tag, "");
          trace.link(from, to, LinkKind.NOTIFY);
        }
      });
      t.start();
      threads.add(t);
    }
    go.countDown();
    while (threads.stream().anyMatch(Thread::isAlive)) {
      trace.sync();
    }
    trace.sync();
    LinkTable links = trace.store().links();
    TraceStore store = trace.store();

    assertThat(links.size()).isEqualTo(producers * pairs);
    for (int k = 0; k < links.size(); k++) {
      long fromTag = store.track(links.fromLane(k)).value(links.fromIndex(k));
      long toTag = store.track(links.toLane(k)).value(links.toIndex(k));
      assertThat(toTag).as("link %d joins the notify and the wake of one pair", k).isEqualTo(fromTag);
      if (k > 0) {
        assertThat(links.toTime(k)).isGreaterThanOrEqualTo(links.toTime(k - 1));
      }
    }
  }

  @Test
  void aLinkToAnEventOfAnotherTraceIsRefused() {
    Trace trace = new Trace();
    Trace other = new Trace();
    Lane lane = trace.addLane("A", LaneKind.THREAD, 1, Lane.NO_PARENT);
    Lane elsewhere = other.addLane("B", LaneKind.THREAD, 1, Lane.NO_PARENT);
    EventRef here = trace.recordRef(lane, EventKind.SET, 1, "");
    EventRef there = other.recordRef(elsewhere, EventKind.WAKE, 0, "");

    assertThatThrownBy(() -> trace.link(here, there, LinkKind.NOTIFY)).isInstanceOf(IllegalArgumentException.class);
  }
}
