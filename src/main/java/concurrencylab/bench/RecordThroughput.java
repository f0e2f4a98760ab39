package concurrencylab.bench;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Events recorded per second by 64 producer threads into one run, while a consumer syncs them into
 * the store as the UI does. The clock stops when every event is in the store; then each lane is
 * checked to hold all of its producer's events, once each and in order.
 */
final class RecordThroughput {
  static final int PRODUCERS = 64;
  static final double TARGET_PER_SECOND = 1_000_000;

  private final int perProducer;

  RecordThroughput(int perProducer) {
    this.perProducer = perProducer;
  }

  List<Figure> measure() throws InterruptedException {
    Run run = record();
    long expected = (long) PRODUCERS * perProducer;
    long lost = expected - run.synced();
    long misordered = countMisordered(run.trace(), run.lanes());
    double perSecond = expected / (run.elapsedNanos() / 1e9);
    boolean complete = lost == 0 && misordered == 0 && run.trace().recordedCount() == expected;
    return List.of(
        Figure.atLeast("record_throughput_64_producers", complete ? perSecond : 0, "events/s", TARGET_PER_SECOND),
        Figure.of("record_events_lost", lost, "events"),
        Figure.of("record_events_out_of_order", misordered, "events"));
  }

  /** A recorded run of 64 threads' events, all synced into its store. */
  Trace recordRun() throws InterruptedException {
    return record().trace();
  }

  private record Run(Trace trace, List<Lane> lanes, long synced, long elapsedNanos) {}

  private Run record() throws InterruptedException {
    Trace trace = new Trace();
    List<Lane> lanes = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      lanes.add(trace.addLane("producer-" + p, LaneKind.THREAD, 1, Lane.NO_PARENT));
    }
    CountDownLatch ready = new CountDownLatch(PRODUCERS);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> producers = new ArrayList<>();
    for (Lane lane : lanes) {
      Thread producer = new Thread(() -> produce(trace, lane, ready, go), "producer-" + lane.id());
      producer.start();
      producers.add(producer);
    }
    ready.await();
    long expected = (long) PRODUCERS * perProducer;
    long synced = 0;
    long start = System.nanoTime();
    go.countDown();
    while (synced < expected) {
      int batch = trace.sync().size();
      synced += batch;
      if (batch == 0 && producers.stream().noneMatch(Thread::isAlive)) {
        break;
      }
    }
    long elapsed = System.nanoTime() - start;
    for (Thread producer : producers) {
      producer.join();
    }
    synced += trace.sync().size();
    trace.finish();
    return new Run(trace, lanes, synced, elapsed);
  }

  private void produce(Trace trace, Lane lane, CountDownLatch ready, CountDownLatch go) {
    ready.countDown();
    try {
      go.await();
    } catch (InterruptedException e) {
      return;
    }
    for (int i = 0; i < perProducer; i++) {
      trace.record(lane, EventKind.COUNTER, i, "");
    }
  }

  /** Events whose lane does not hold them as its producer sent them: 0, 1, 2, … */
  private long countMisordered(Trace trace, List<Lane> lanes) {
    long wrong = 0;
    for (Lane lane : lanes) {
      LaneTrack track = trace.store().track(lane.id());
      wrong += Math.abs(track.size() - perProducer);
      for (int i = 0; i < Math.min(track.size(), perProducer); i++) {
        if (track.value(i) != i) {
          wrong++;
        }
      }
    }
    return wrong;
  }
}
