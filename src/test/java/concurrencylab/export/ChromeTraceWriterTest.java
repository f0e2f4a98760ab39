package concurrencylab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A recorded run goes out as Chrome Trace JSON and comes back through Jackson's parser intact. */
class ChromeTraceWriterTest {
  private static final long MAIN_PID = 4100;
  private static final long WORKER_PID = 4242;
  private static final String LONG_LINE = "x".repeat(300);

  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private Trace trace;
  private Lane main;
  private Lane thread;
  private Lane queue;
  private Lane worker;

  /** A parent, one of its threads, a task queue and a worker process, as a pool run has them. */
  @BeforeEach
  void recordARun() {
    trace = new Trace();
    main = trace.addLane("main", LaneKind.PROCESS, MAIN_PID, Lane.NO_PARENT);
    thread = trace.addLane("Thread-1", LaneKind.THREAD, MAIN_PID, main.id());
    queue = trace.addLane("task queue", LaneKind.QUEUE, MAIN_PID, main.id());
    worker = trace.addLane("PoolWorker-1", LaneKind.PROCESS, WORKER_PID, main.id());

    trace.recordAt(main.id(), 0, EventKind.START, 0, "pid " + MAIN_PID);
    trace.recordAt(main.id(), 1_500, EventKind.PRINT, 0, "current process " + MAIN_PID);
    trace.recordAt(main.id(), 2_000, EventKind.SPAWN, worker.id(), "PoolWorker-1");
    trace.recordAt(main.id(), 2_001, EventKind.SPAWN, thread.id(), "Thread-1");
    trace.recordAt(main.id(), 3_000, EventKind.MARKER, 0, "apply_async ×2");
    trace.recordAt(main.id(), 4_000, EventKind.STATE, LaneState.WAITING.ordinal(), "");
    trace.recordAt(thread.id(), 2_001, EventKind.START, 0, "");
    trace.recordAt(thread.id(), 2_500, EventKind.PRINT, 0, "fetching \"a, b\"\nand 你好");
    trace.recordAt(thread.id(), 2_600, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(thread.id(), 9_000, EventKind.STATE, LaneState.RUNNING.ordinal(), "");
    trace.recordAt(thread.id(), 9_100, EventKind.END, 0, concurrencylab.trace.AppText.of("end.thread.ended"));
    trace.recordAt(queue.id(), 3_000, EventKind.COUNTER, 2, "#0 #1");
    trace.recordAt(queue.id(), 5_000, EventKind.COUNTER, 1, "#1");
    trace.recordAt(queue.id(), 7_000, EventKind.COUNTER, 0, "");
    trace.recordAt(worker.id(), 2_000, EventKind.START, 0, "pid " + WORKER_PID);
    trace.recordAt(worker.id(), 4_500, EventKind.STATE, LaneState.WAITING.ordinal(), "ready");
    // task 0 begins in the same nanosecond as a state change: the slices must still nest
    trace.recordAt(worker.id(), 5_000, EventKind.TASK_BEGIN, 0, "task 0");
    trace.recordAt(worker.id(), 5_000, EventKind.STATE, LaneState.RUNNING.ordinal(), "");
    trace.recordAt(worker.id(), 5_200, EventKind.PRINT, 0, "task 0 is running...");
    trace.recordAt(worker.id(), 5_300, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(worker.id(), 6_000, EventKind.TASK_END, 0, "");
    trace.recordAt(worker.id(), 6_000, EventKind.STATE, LaneState.WAITING.ordinal(), "");
    trace.recordAt(worker.id(), 7_000, EventKind.TASK_BEGIN, 1, "task 1");
    trace.recordAt(worker.id(), 7_100, EventKind.STDERR, 0, LONG_LINE);
    trace.recordAt(worker.id(), 7_900, EventKind.TASK_FAILED, 1, "ValueError: bad input");
    trace.recordAt(worker.id(), 8_000, EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
    trace.recordAt(main.id(), 9_500, EventKind.STATE, LaneState.RUNNING.ordinal(), "");
    trace.recordAt(main.id(), 10_000, EventKind.END, 0, concurrencylab.trace.AppText.of("end.run.completed"));
    trace.sync();
    trace.finish();
  }

  private JsonNode exportAndParse() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChromeTraceWriter.write(trace, Map.of("lesson", "pool", "command", "record pool --out x.json"), bytes);
    return mapper.readTree(bytes.toByteArray());
  }

  private static List<JsonNode> events(JsonNode root) {
    return StreamSupport.stream(root.get("traceEvents").spliterator(), false).toList();
  }

  private List<JsonNode> on(List<JsonNode> events, Lane lane, String phase) {
    long tid = tid(lane);
    return events.stream()
        .filter(e -> e.path("ph").asText().equals(phase))
        .filter(e -> e.path("pid").asLong() == lane.pid() && e.path("tid").asLong(-1) == tid)
        .toList();
  }

  /** A process's own lane is its main thread; other lanes get ids that no process has. */
  private long tid(Lane lane) {
    return lane == main || lane == worker ? lane.pid() : ChromeTraceWriter.LANE_TID_BASE + lane.id();
  }

  private static long nanos(JsonNode event) {
    return event.get("ts").decimalValue().movePointRight(3).longValueExact();
  }

  @Test
  void namesEveryProcessAndLaneWithMetadataEvents() throws Exception {
    List<JsonNode> events = events(exportAndParse());

    Map<Long, String> processNames = new HashMap<>();
    Map<String, String> threadNames = new HashMap<>();
    for (JsonNode e : events) {
      if (!e.path("ph").asText().equals("M")) {
        continue;
      }
      switch (e.get("name").asText()) {
        case "process_name" -> processNames.put(e.get("pid").asLong(), e.get("args").get("name").asText());
        case "thread_name" -> threadNames.put(e.get("pid").asLong() + "/" + e.get("tid").asLong(), e.get("args").get("name").asText());
        default -> {}
      }
    }
    assertThat(processNames).containsExactlyInAnyOrderEntriesOf(Map.of(MAIN_PID, "main", WORKER_PID, "PoolWorker-1"));
    Map<String, String> expected = new HashMap<>();
    for (Lane lane : trace.lanes()) {
      expected.put(lane.pid() + "/" + tid(lane), lane.name());
    }
    assertThat(threadNames).isEqualTo(expected);
  }

  @Test
  void threadIdsAreUniqueAndNeverZero() throws Exception {
    List<Long> tids =
        events(exportAndParse()).stream()
            .filter(e -> e.path("name").asText().equals("thread_name"))
            .map(e -> e.get("tid").asLong())
            .toList();
    assertThat(tids).hasSize(trace.lanes().size()).doesNotHaveDuplicates().doesNotContain(0L);

    // a second lane of an already named process (none today) becomes a thread of it, not its twin
    Lane again = trace.addLane("main, again", LaneKind.PROCESS, MAIN_PID, Lane.NO_PARENT);
    assertThat(ChromeTraceWriter.threadIds(trace.lanes()))
        .containsEntry(main.id(), MAIN_PID)
        .containsEntry(again.id(), ChromeTraceWriter.LANE_TID_BASE + again.id());
  }

  @Test
  void everyPrintedLineIsAnInstantAtItsExactTimeOnItsLane() throws Exception {
    List<JsonNode> events = events(exportAndParse());

    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      List<Long> times = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < track.size(); i++) {
        if (track.kind(i) == EventKind.PRINT || track.kind(i) == EventKind.STDERR) {
          times.add(track.time(i));
          texts.add(track.text(i));
        }
      }
      List<JsonNode> lines =
          on(events, lane, "i").stream().filter(e -> List.of("print", "stderr").contains(e.get("cat").asText())).toList();
      assertThat(lines).as("lines of %s", lane.name()).hasSize(times.size());
      for (int k = 0; k < lines.size(); k++) {
        JsonNode line = lines.get(k);
        assertThat(nanos(line)).isEqualTo(times.get(k));
        String text = line.has("args") && line.get("args").has("text") ? line.get("args").get("text").asText() : line.get("name").asText();
        assertThat(text).isEqualTo(texts.get(k));
        assertThat(line.get("s").asText()).isEqualTo("t");
      }
    }
    JsonNode stderr = on(events, worker, "i").stream().filter(e -> e.get("cat").asText().equals("stderr")).findFirst().orElseThrow();
    assertThat(stderr.get("name").asText()).hasSize(ChromeTraceWriter.MAX_NAME_LENGTH + 1).endsWith("…");
    assertThat(stderr.get("args").get("text").asText()).isEqualTo(LONG_LINE);
  }

  @Test
  void tasksAreSlicesFromBeginToEndWithStatesNestedInside() throws Exception {
    List<JsonNode> events = events(exportAndParse());

    Map<JsonNode, Long> ends = closeSlices(events);
    List<JsonNode> tasks = on(events, worker, "B").stream().filter(e -> e.get("cat").asText().equals("task")).toList();
    assertThat(tasks).extracting(e -> e.get("name").asText()).containsExactly("task 0", "task 1");
    assertThat(tasks).extracting(ChromeTraceWriterTest::nanos).containsExactly(5_000L, 7_000L);
    assertThat(tasks).extracting(ends::get).containsExactly(6_000L, 7_900L);
    assertThat(tasks.get(0).get("args").get("result").asText()).isEqualTo("done");
    assertThat(tasks.get(1).get("args").get("result").asText()).isEqualTo("failed");
    assertThat(tasks.get(1).get("args").get("error").asText()).isEqualTo("ValueError: bad input");

    // the thread: running from its start, sleeping from 2600 to 9000, running again until its end
    List<JsonNode> states = on(events, thread, "B");
    assertThat(states).extracting(e -> e.get("name").asText()).containsExactly("running", "sleeping", "running");
    assertThat(states).extracting(ChromeTraceWriterTest::nanos).containsExactly(2_001L, 2_600L, 9_000L);
    assertThat(states).extracting(ends::get).containsExactly(2_600L, 9_000L, 9_100L);
  }

  /**
   * Replays the begin and end events of each thread as a viewer does: each end closes the latest
   * open slice, times never go back, and nothing is left open. Returns each begin's end time.
   */
  /**
   * A spawn and a join as flows: each link's "s" and "f" share an id, and each is written where
   * the slice it binds to is open, even when that slice begins or ends in the same nanosecond.
   */
  @Test
  void eachLinkIsAFlowBoundToTheSlicesOpenAtItsEnds() throws Exception {
    trace = new Trace();
    main = trace.addLane("main", LaneKind.PROCESS, MAIN_PID, Lane.NO_PARENT);
    thread = trace.addLane("Thread-1", LaneKind.THREAD, MAIN_PID, main.id());
    trace.recordAt(main.id(), 0, EventKind.START, 0, "");
    EventRef spawn = trace.recordRefAt(main.id(), 1_000, EventKind.SPAWN, thread.id(), "Thread-1", TraceEvent.NO_OBJECT);
    EventRef start = trace.recordRefAt(thread.id(), 1_000, EventKind.START, 0, "", TraceEvent.NO_OBJECT);
    trace.link(spawn, start, LinkKind.SPAWN);
    trace.recordAt(main.id(), 2_000, EventKind.STATE, LaneState.WAITING.ordinal(), "");
    EventRef end = trace.recordRefAt(thread.id(), 5_000, EventKind.END, 0, "ended", TraceEvent.NO_OBJECT);
    EventRef resumed = trace.recordRefAt(main.id(), 5_000, EventKind.STATE, LaneState.RUNNING.ordinal(), "", TraceEvent.NO_OBJECT);
    trace.link(end, resumed, LinkKind.JOIN);
    trace.recordAt(main.id(), 6_000, EventKind.END, 0, "completed");
    trace.sync();
    trace.finish();

    List<JsonNode> events = events(exportAndParse());
    List<JsonNode> starts = events.stream().filter(e -> e.path("ph").asText().equals("s")).toList();
    List<JsonNode> finishes = events.stream().filter(e -> e.path("ph").asText().equals("f")).toList();

    assertThat(starts).extracting(e -> e.get("name").asText()).containsExactlyInAnyOrder("spawn", "join");
    for (JsonNode s : starts) {
      JsonNode f = finishes.stream().filter(e -> e.get("id").equals(s.get("id"))).findFirst().orElseThrow();
      assertThat(f.get("name")).isEqualTo(s.get("name"));
      assertThat(f.get("bp").asText()).isEqualTo("e");
      assertThat(f.get("cat").asText()).isEqualTo("link");
      Lane from = s.get("name").asText().equals("spawn") ? main : thread;
      Lane to = from == main ? thread : main;
      assertThat(s.get("tid").asLong()).isEqualTo(tid(from));
      assertThat(f.get("tid").asLong()).isEqualTo(tid(to));
    }
    JsonNode joinStart = starts.stream().filter(e -> e.get("name").asText().equals("join")).findFirst().orElseThrow();
    JsonNode joinFinish = finishes.stream().filter(e -> e.get("name").asText().equals("join")).findFirst().orElseThrow();
    List<JsonNode> onThread = events.stream().filter(e -> e.path("tid").asLong() == tid(thread)).toList();
    List<JsonNode> onMain = events.stream().filter(e -> e.path("tid").asLong() == tid(main)).toList();
    int lastEnd = onThread.size() - 1;
    while (!onThread.get(lastEnd).path("ph").asText().equals("E")) {
      lastEnd--;
    }
    assertThat(onThread.indexOf(joinStart)).as("the thread's end starts the flow inside its last slice").isLessThan(lastEnd);
    JsonNode runningAgain = onMain.stream()
        .filter(e -> e.path("ph").asText().equals("B") && nanos(e) == 5_000).findFirst().orElseThrow();
    assertThat(onMain.indexOf(joinFinish)).as("the join's flow arrives inside the slice that begins then")
        .isGreaterThan(onMain.indexOf(runningAgain));
  }

  private static Map<JsonNode, Long> closeSlices(List<JsonNode> events) {
    Map<String, Deque<JsonNode>> open = new HashMap<>();
    Map<String, Long> lastTime = new HashMap<>();
    Map<JsonNode, Long> ends = new IdentityHashMap<>(); // equal-looking slices are still two
    for (JsonNode e : events) {
      String phase = e.path("ph").asText();
      if (!List.of("B", "E", "i").contains(phase)) {
        continue;
      }
      String thread = e.get("pid").asLong() + "/" + e.get("tid").asLong();
      long time = nanos(e);
      assertThat(time).as("time order on %s", thread).isGreaterThanOrEqualTo(lastTime.getOrDefault(thread, 0L));
      lastTime.put(thread, time);
      Deque<JsonNode> stack = open.computeIfAbsent(thread, k -> new ArrayDeque<>());
      if (phase.equals("B")) {
        stack.push(e);
      } else if (phase.equals("E")) {
        assertThat(stack).as("an open slice on %s at %d", thread, time).isNotEmpty();
        ends.put(stack.pop(), time);
      }
    }
    open.forEach((thread, stack) -> assertThat(stack).as("slices left open on %s", thread).isEmpty());
    return ends;
  }

  @Test
  void slicesNestOnEveryThread() throws Exception {
    Map<JsonNode, Long> ends = closeSlices(events(exportAndParse()));
    assertThat(ends).isNotEmpty();
  }

  @Test
  void countsOfMarkersSpawnsCountersAndEndsMatchTheTrace() throws Exception {
    List<JsonNode> events = events(exportAndParse());

    assertThat(on(events, main, "i").stream().filter(e -> e.get("cat").asText().equals("marker")))
        .extracting(e -> e.get("name").asText())
        .containsExactly("apply_async ×2");
    List<JsonNode> spawns = on(events, main, "i").stream().filter(e -> e.get("cat").asText().equals("spawn")).toList();
    assertThat(spawns).hasSize(2);
    assertThat(spawns.get(0).get("args").get("child_pid").asLong()).isEqualTo(WORKER_PID);
    assertThat(on(events, queue, "C")).extracting(e -> e.get("args").get("value").asLong()).containsExactly(2L, 1L, 0L);
    assertThat(on(events, queue, "C")).extracting(ChromeTraceWriterTest::nanos).containsExactly(3_000L, 5_000L, 7_000L);
    long ends = events.stream().filter(e -> e.path("cat").asText().equals("end")).count();
    assertThat(ends).isEqualTo(3); // main, the thread and the worker ended; the queue has no end
    long instantsAndCounters = events.stream().filter(e -> List.of("i", "C").contains(e.path("ph").asText())).count();
    long expected = 0;
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      for (int i = 0; i < track.size(); i++) {
        switch (track.kind(i)) {
          case PRINT, STDERR, MARKER, SPAWN, COUNTER, END -> expected++;
          default -> {}
        }
      }
    }
    assertThat(instantsAndCounters).isEqualTo(expected);
  }

  @Test
  void timesAreMicrosecondsExactToTheNanosecond() {
    assertThat(ChromeTraceWriter.micros(1_234_567L)).isEqualByComparingTo(new BigDecimal("1234.567"));
    assertThat(ChromeTraceWriter.micros(1_234_567L).toString()).isEqualTo("1234.567");
    assertThat(ChromeTraceWriter.micros(30_000_000_000L).toString()).isEqualTo("30000000.000");
  }

  @Test
  void theRunIsDescribedInOtherData() throws Exception {
    JsonNode root = exportAndParse();
    assertThat(root.get("otherData").get("lesson").asText()).isEqualTo("pool");
    assertThat(root.get("otherData").get("command").asText()).isEqualTo("record pool --out x.json");
    assertThat(root.get("displayTimeUnit").asText()).isEqualTo("ms");
  }
}
