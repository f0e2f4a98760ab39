package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "No event that was produced is silently lost": many producers at once, in this JVM and over the
 * real process protocol, each numbering its events; afterwards every lane holds its whole sequence,
 * once, in order. A consumer drains the trace all the while, as the UI does once per frame.
 */
class LostEventsTest {
  private static final int PRODUCERS = 64;
  private static final int EVENTS_PER_PRODUCER = 100_000;
  private static final int CHILDREN = 8;
  private static final int LINES_PER_CHILD = 20_000;

  private final Trace trace = new Trace();
  private final RunScope scope = new RunScope(trace, "main");

  @AfterEach
  void nothingLeftRunning() throws InterruptedException {
    scope.cancel();
    assertThat(scope.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Syncs until {@code producersDone} holds, then once more: the UI's frame loop, as fast as it goes. */
  private long drainWhile(java.util.function.BooleanSupplier producersDone) {
    long synced = 0;
    while (!producersDone.getAsBoolean()) {
      synced += trace.sync().size();
      Thread.onSpinWait();
    }
    return synced + trace.sync().size();
  }

  @Test
  void sixtyFourThreadsOfOneRunLoseNoEventAndKeepTheirOrder() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Lane> lanes = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      Thread thread = scope.startThread("producer-" + p, lane -> {
        go.await();
        for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
          lane.trace().record(lane.lane(), EventKind.COUNTER, i, "");
        }
      });
      threads.add(thread);
    }
    lanes.addAll(trace.lanes().subList(1, 1 + PRODUCERS));
    long before = trace.recordedCount();
    go.countDown();

    long synced = drainWhile(() -> threads.stream().noneMatch(Thread::isAlive));

    long expectedPerLane = EVENTS_PER_PRODUCER + 2; // START, the sequence, END
    assertThat(trace.recordedCount() - before).isEqualTo((long) PRODUCERS * EVENTS_PER_PRODUCER + PRODUCERS);
    assertThat(synced).isEqualTo(trace.recordedCount());
    for (Lane lane : lanes) {
      LaneTrack track = trace.store().track(lane.id());
      assertThat(track.size()).as("events on %s", lane.name()).isEqualTo(expectedPerLane);
      assertThat(track.kind(0)).isEqualTo(EventKind.START);
      for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
        int index = i + 1;
        if (track.value(index) != i || track.kind(index) != EventKind.COUNTER) {
          throw new AssertionError(lane.name() + ": event " + index + " is " + track.event(lane.id(), index) + ", expected sequence " + i);
        }
      }
      assertThat(track.kind(track.size() - 1)).isEqualTo(EventKind.END);
      assertThat(track.value(track.size() - 1)).as("exit status of %s", lane.name()).isZero();
    }
    System.out.printf("lost events, threads: %d producers x %,d events, %,d recorded, 0 lost, 0 out of order%n",
        PRODUCERS, EVENTS_PER_PRODUCER, synced);
  }

  @Test
  void eightChildrenOverTheProtocolLoseNoLineAndKeepTheirOrder() throws Exception {
    List<WorkerProcess> children = new ArrayList<>();
    for (int c = 0; c < CHILDREN; c++) {
      WorkerProcess child = scope.spawn("child-" + c, WorkerProcess.EXIT_AFTER_TASK);
      // half the children send every other line as plain text past the protocol
      List<String> args = List.of(Integer.toString(LINES_PER_CHILD), c % 2 == 0 ? "protocol" : "mixed");
      assertThat(child.run(1, TestTasks.PrintNumbered.class.getName(), args)).isTrue();
      children.add(child);
    }

    drainWhile(() -> children.stream().allMatch(c -> c.exit().isDone()));

    long total = 0;
    for (WorkerProcess child : children) {
      assertThat(child.exit().join()).as("exit status of %s", child.lane().name()).isZero();
      LaneTrack track = trace.store().track(child.lane().id());
      int expected = 0;
      for (int i = 0; i < track.size(); i++) {
        if (track.kind(i) == EventKind.STDERR) {
          throw new AssertionError(child.lane().name() + " wrote on stderr: " + track.text(i));
        }
        if (track.kind(i) != EventKind.PRINT) {
          continue;
        }
        String text = track.text(i);
        if (!text.equals("seq " + expected)) {
          throw new AssertionError(child.lane().name() + ": line " + expected + " arrived as \"" + text + "\"");
        }
        expected++;
      }
      assertThat(expected).as("lines of %s", child.lane().name()).isEqualTo(LINES_PER_CHILD);
      assertThat(track.kind(track.size() - 1)).isEqualTo(EventKind.END);
      total += expected;
    }
    System.out.printf("lost events, processes: %d children x %,d lines, %,d arrived, 0 lost, 0 out of order%n",
        CHILDREN, LINES_PER_CHILD, total);
  }
}
