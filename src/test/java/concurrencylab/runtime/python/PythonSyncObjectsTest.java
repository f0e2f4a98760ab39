package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.LinkTable;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The script's multiprocessing locks and queues, and queue.Queue, as sync objects of the trace:
 * one object however many processes use it, its waits, acquisitions and releases (puts and gets) on
 * the lanes that did them, and the links from the release that let a waiter in (from the put whose
 * item a get took).
 */
class PythonSyncObjectsTest {
  @TempDir Path dir;

  /** The parent holds the lock until the test has seen every child wait for it. */
  private static final String LOCKED = """
      import multiprocessing, os, time

      def child(lock, n):
          with lock:
              print(f"child {n} holds the lock")

      if __name__ == "__main__":
          ctx = multiprocessing.get_context(METHOD)
          lock = ctx.KIND()
          lock.acquire()
          children = [ctx.Process(target=child, args=(lock, n), name=f"Child-{n}") for n in range(3)]
          for p in children:
              p.start()
          while not os.path.exists("go"):
              time.sleep(0.01)
          lock.release()
          for p in children:
              p.join()
      """;

  @ParameterizedTest
  @ValueSource(strings = {"fork:Lock", "spawn:Lock", "forkserver:Lock", "fork:RLock", "spawn:RLock"})
  void aMultiprocessingLockIsOneObjectWhoseReleasesHandItToTheWaiters(String methodAndKind) throws Exception {
    String method = methodAndKind.split(":")[0];
    String kind = methodAndKind.split(":")[1];
    org.junit.jupiter.api.Assumptions.assumeTrue(PythonPauseTest.hasStartMethod(method));
    String script = "METHOD = \"" + method + "\"\n" + LOCKED.replace("KIND", kind);
    try (PythonLive live = new PythonLive(script, dir, PythonRuns.options())) {
      live.until("three children wait for the lock", () -> live.count(e -> e.kind() == EventKind.LOCK_WAIT) == 3);
      Files.createFile(dir.resolve("go"));
      assertThat(live.end().succeeded()).as(live.describe()).isTrue();
      Trace trace = live.trace;
      List<SyncObject> locks = trace.syncObjects().stream().filter(o -> o.kind() == SyncKind.LOCK).toList();
      assertThat(locks).as("the script's one lock, not the ones inside multiprocessing").singleElement()
          .satisfies(o -> assertThat(o.name()).isEqualTo("multiprocessing." + kind + " 1"));
      int lock = locks.get(0).id();
      List<TraceEvent> events = live.events();
      Lane main = live.lane("MainProcess");
      Set<Long> pids = new HashSet<>(Set.of(main.pid()));
      for (int n = 0; n < 3; n++) {
        Lane child = live.lane("Child-" + n);
        assertThat(pids.add(child.pid())).as("a real process of its own").isTrue();
        assertThat(events).filteredOn(e -> e.lane() == child.id() && e.object() == lock).extracting(TraceEvent::kind)
            .as("child %d", n).containsExactly(EventKind.LOCK_WAIT, EventKind.LOCK_ACQUIRED, EventKind.LOCK_RELEASED);
        assertThat(events).filteredOn(e -> e.lane() == child.id() && e.kind() == EventKind.STATE).extracting(TraceEvent::state).contains(LaneState.BLOCKED);
      }
      assertThat(events).filteredOn(e -> e.lane() == main.id() && e.object() == lock).extracting(TraceEvent::kind)
          .containsExactly(EventKind.LOCK_ACQUIRED, EventKind.LOCK_RELEASED);
      List<int[]> handOvers = links(trace, LinkKind.HAND_OVER);
      assertThat(handOvers).as("each waiter was let in by the release before it").hasSize(3);
      Set<Integer> receivers = new HashSet<>();
      for (int[] link : handOvers) {
        LaneTrack from = trace.store().track(link[0]);
        LaneTrack to = trace.store().track(link[2]);
        assertThat(from.kind(link[1])).isEqualTo(EventKind.LOCK_RELEASED);
        assertThat(from.value(link[1])).isZero();
        assertThat(to.kind(link[3])).isEqualTo(EventKind.LOCK_ACQUIRED);
        assertThat(link[0]).as("hand-over to another lane").isNotEqualTo(link[2]);
        assertThat(from.time(link[1])).isLessThanOrEqualTo(to.time(link[3]));
        receivers.add(link[2]);
      }
      assertThat(receivers).hasSize(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fork", "spawn", "forkserver"})
  void eachItemPutOnAMultiprocessingQueueIsLinkedToTheGetThatTookIt(String method) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(PythonPauseTest.hasStartMethod(method));
    String script = "METHOD = \"" + method + "\"\n" + """
        import multiprocessing

        def consumer(q, n):
            for _ in range(n):
                item = q.get()
                print(f"got {item}")

        def producer(q, name, n):
            for i in range(n):
                q.put(f"{name}-{i}")

        if __name__ == "__main__":
            ctx = multiprocessing.get_context(METHOD)
            q = ctx.Queue()
            c = ctx.Process(target=consumer, args=(q, 6), name="Consumer")
            c.start()
            ps = [ctx.Process(target=producer, args=(q, f"P{k}", 3), name=f"Producer-{k}") for k in range(2)]
            for p in ps:
                p.start()
            for p in ps + [c]:
                p.join()
        """;
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    Lane consumer = ran.lane("Consumer");
    assertThat(ran.printed(consumer)).as("items arrive as they were put").hasSize(6).allMatch(l -> l.matches("got P[01]-[012]"));
    assertThat(ran.trace().syncObjects()).filteredOn(o -> o.kind() == SyncKind.QUEUE).singleElement()
        .satisfies(o -> assertThat(o.name()).isEqualTo("multiprocessing.Queue 1"));
    assertThat(ran.on(consumer, EventKind.GET)).hasSize(6);
    assertItemLinks(ran, 6, Set.of(ran.lane("Producer-0").id(), ran.lane("Producer-1").id()), consumer.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0"})
  void eachItemPutOnAQueueQueueIsLinkedToTheGetThatTookIt(String bounded) throws Exception {
    String script = """
        import queue, threading

        q = queue.Queue(maxsize=MAX)
        def producer(name):
            for i in range(4):
                q.put(f"{name}-{i}")

        def consumer():
            for _ in range(8):
                print("got", q.get())

        threads = [threading.Thread(target=producer, args=(f"P{k}",), name=f"Producer-{k}") for k in range(2)]
        threads.append(threading.Thread(target=consumer, name="Consumer"))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        internal = queue.LifoQueue()   # not the script's FIFO: not traced
        internal.put(1)
        internal.get()
        """.replace("MAX", bounded);
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    assertThat(ran.trace().syncObjects()).filteredOn(o -> o.kind() == SyncKind.QUEUE).singleElement()
        .satisfies(o -> assertThat(o.name()).isEqualTo("Queue 1"));
    Lane consumer = ran.lane("Consumer");
    assertThat(ran.on(consumer, EventKind.GET)).hasSize(8);
    assertItemLinks(ran, 8, Set.of(ran.lane("Producer-0").id(), ran.lane("Producer-1").id()), consumer.id());
    if (bounded.equals("1")) {
      assertThat(ran.all(EventKind.GET)).extracting(TraceEvent::value).as("a queue of one is empty after each get").containsOnly(0L);
    }
  }

  private static void assertItemLinks(PythonRuns.Ran ran, int items, Set<Integer> producers, int consumer) {
    Trace trace = ran.trace();
    List<int[]> links = links(trace, LinkKind.ITEM);
    assertThat(links).as(ran.describe()).hasSize(items);
    Set<String> gets = new HashSet<>();
    for (int[] link : links) {
      assertThat(trace.store().track(link[0]).kind(link[1])).isEqualTo(EventKind.PUT);
      assertThat(trace.store().track(link[2]).kind(link[3])).isEqualTo(EventKind.GET);
      assertThat(producers).contains(link[0]);
      assertThat(link[2]).isEqualTo(consumer);
      assertThat(gets.add(link[2] + ":" + link[3])).as("one put per get").isTrue();
    }
  }

  /** Each link of that kind as {from lane, from index, to lane, to index}. */
  static List<int[]> links(Trace trace, LinkKind kind) {
    LinkTable table = trace.store().links();
    List<int[]> found = new ArrayList<>();
    for (int k = 0; k < table.size(); k++) {
      if (table.kind(k) == kind) {
        found.add(new int[] {table.fromLane(k), table.fromIndex(k), table.toLane(k), table.toIndex(k)});
      }
    }
    return found;
  }
}
