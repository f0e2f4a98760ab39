package concurrencylab.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.LinkTable;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.trace.TraceStore;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a recorded run as Chrome Trace Event JSON, the format that Perfetto (ui.perfetto.dev) and
 * chrome://tracing open. Each OS process is a {@code pid}, and each lane a thread of its process,
 * named by metadata events in lane order: a process's own lane is its main thread ({@code tid} =
 * its pid); a thread's lane and the task queue, which share the app's pid, get {@code tid} =
 * {@value #LANE_TID_BASE} + lane id, above any real pid, so that no tid is 0 (which Perfetto keeps
 * for the idle task) or the pid of another process of the run.
 *
 * <p>Per lane: a task is a slice ("B"/"E") named after the task; the lane's states (running,
 * sleeping, waiting, blocked) are slices too, cut at task boundaries so that they nest inside the
 * task slices; printed lines, stderr lines, markers, spawns, a Python thread's current lines (a
 * slowed run's) and the lane's end are thread-scoped instant events ("i"); counter values (the
 * queue's length) are counter events ("C"). Begin/end pairs rather than complete events keep the
 * nesting right in Perfetto when a task and a state
 * start in the same microsecond. Timestamps are microseconds with the nanoseconds as decimals, so
 * the run's times are kept exactly.
 *
 * <p>Each link of the trace (a lock's hand-over, a spawn, a join…) is a flow: an "s" event on the
 * lane and at the time it starts from, an "f" event with {@code "bp": "e"} (bound to the slice that
 * encloses it) where it leads, both with the link's number as their id, its kind as their name
 * ("hand-over", "spawn", "join", "item", "notify") and category "link". A shared counter (a
 * synchronisation object of kind {@link SyncKind#COUNTER}) is one counter track named after the
 * object, its values in time order whichever thread wrote them; so is a queue or a pipe ({@link
 * SyncKind#QUEUE}, {@link SyncKind#PIPE}), whose values are the items inside after each put, get
 * or other change of its size, whichever lane made it.
 *
 * <p>Read the trace after the run and from the thread that {@link Trace#sync() syncs} it.
 */
public final class ChromeTraceWriter {
  /** Longer texts are cut in an event's name; the whole text is then in its args. */
  static final int MAX_NAME_LENGTH = 120;

  /** Thread ids of lanes that are not a process's own: above Linux's largest pid (2^22). */
  static final long LANE_TID_BASE = 10_000_000;

  private static final JsonFactory JSON = new JsonFactory();

  private ChromeTraceWriter() {}

  /**
   * Writes the trace to a file.
   *
   * @param about what the run was (lesson, parameters, the command that repeats it); stored as
   *     {@code otherData} and shown by Perfetto's trace info page
   */
  public static void write(Trace trace, Map<String, String> about, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(trace, about, out);
    }
  }

  /** Writes the trace to a stream, which is left open. */
  public static void write(Trace trace, Map<String, String> about, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.writeStartObject();
      json.writeStringField("displayTimeUnit", "ms");
      json.writeObjectFieldStart("otherData");
      json.writeStringField("producer", "Concurrency Lab");
      for (Map.Entry<String, String> entry : about.entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("traceEvents");
      List<Lane> lanes = trace.lanes();
      Map<Integer, Long> tids = threadIds(lanes);
      writeNames(json, lanes, tids);
      TraceStore store = trace.store();
      Map<Integer, List<FlowEnd>> flows = flowEnds(store.links());
      for (Lane lane : lanes) {
        new LaneWriter(json, trace, lane, tids.get(lane.id()), store.track(lane.id()), store.endTime())
            .write(flows.getOrDefault(lane.id(), List.of()));
      }
      writeCounterObjects(json, trace, tids);
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** One end of a flow: where a link starts ("s") or where it leads ("f"). */
  private record FlowEnd(long time, boolean start, int id, String name) {}

  /** The two ends of every link, by the lane they are on. */
  private static Map<Integer, List<FlowEnd>> flowEnds(LinkTable links) {
    Map<Integer, List<FlowEnd>> ends = new HashMap<>();
    for (int k = 0; k < links.size(); k++) {
      String name = flowName(links.kind(k));
      ends.computeIfAbsent(links.fromLane(k), l -> new ArrayList<>()).add(new FlowEnd(links.fromTime(k), true, k, name));
      ends.computeIfAbsent(links.toLane(k), l -> new ArrayList<>()).add(new FlowEnd(links.toTime(k), false, k, name));
    }
    return ends;
  }

  static String flowName(LinkKind kind) {
    return switch (kind) {
      case HAND_OVER -> "hand-over";
      case ITEM -> "item";
      case NOTIFY -> "notify";
      case SPAWN -> "spawn";
      case JOIN -> "join";
    };
  }

  /** A counter value written to a shared counter, and where. */
  private record CounterValue(long time, long value, Lane lane) {}

  /** Whether an event sets the value of a counter track: a counter's write, a queue's size. */
  private static boolean countsFor(SyncKind object, EventKind event) {
    return switch (object) {
      case COUNTER -> event == EventKind.COUNTER;
      case QUEUE, PIPE -> event == EventKind.PUT || event == EventKind.GET || event == EventKind.COUNTER;
      default -> false;
    };
  }

  private static boolean hasTrack(SyncKind object) {
    return object == SyncKind.COUNTER || object == SyncKind.QUEUE || object == SyncKind.PIPE;
  }

  /** Each shared counter and queue as one track of its process, whichever lanes changed it, in time order. */
  private static void writeCounterObjects(JsonGenerator json, Trace trace, Map<Integer, Long> tids) throws IOException {
    List<SyncObject> objects = trace.syncObjects();
    if (objects.stream().noneMatch(o -> hasTrack(o.kind()))) {
      return;
    }
    Map<Integer, List<CounterValue>> byObject = new LinkedHashMap<>();
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      LaneTrack.IndexList touched = track.objects();
      for (int k = 0; k < touched.size(); k++) {
        int index = touched.get(k);
        int id = track.objectOfEntry(k);
        if (id >= 0 && id < objects.size() && countsFor(objects.get(id).kind(), track.kind(index))) {
          byObject.computeIfAbsent(id, o -> new ArrayList<>()).add(new CounterValue(touched.timeOf(k), track.value(index), lane));
        }
      }
    }
    for (Map.Entry<Integer, List<CounterValue>> entry : byObject.entrySet()) {
      List<CounterValue> values = entry.getValue();
      values.sort(Comparator.comparingLong(CounterValue::time)); // stable: a tie keeps lane order
      String name = EnglishTexts.render(objects.get(entry.getKey()).name());
      // a counter track belongs to one process: the one of the lane that first changed it (the
      // pool's owner for its queue, not the worker that took a task)
      Lane home = values.get(0).lane();
      for (CounterValue v : values) {
        json.writeStartObject();
        json.writeStringField("ph", "C");
        json.writeStringField("cat", "counter");
        json.writeStringField("name", name);
        json.writeNumberField("pid", home.pid());
        json.writeNumberField("tid", tids.get(home.id()));
        json.writeNumberField("ts", micros(v.time()));
        json.writeObjectFieldStart("args");
        json.writeNumberField("value", v.value());
        json.writeEndObject();
        json.writeEndObject();
      }
    }
  }

  /** The tid of each lane (by lane id): see the class comment. */
  static Map<Integer, Long> threadIds(List<Lane> lanes) {
    Map<Integer, Long> tids = new HashMap<>();
    Set<Long> processesSeen = new HashSet<>();
    for (Lane lane : lanes) {
      boolean ownLane = lane.kind() == LaneKind.PROCESS && processesSeen.add(lane.pid());
      tids.put(lane.id(), ownLane ? lane.pid() : LANE_TID_BASE + lane.id());
    }
    return tids;
  }

  private static void writeNames(JsonGenerator json, List<Lane> lanes, Map<Integer, Long> tids) throws IOException {
    Map<Long, String> processNames = new LinkedHashMap<>();
    for (Lane lane : lanes) {
      if (lane.kind() == LaneKind.PROCESS) {
        processNames.putIfAbsent(lane.pid(), EnglishTexts.render(lane.name()));
      }
    }
    for (Lane lane : lanes) {
      processNames.putIfAbsent(lane.pid(), "process " + lane.pid());
    }
    int order = 0;
    for (Map.Entry<Long, String> process : processNames.entrySet()) {
      metadata(json, "process_name", process.getKey(), null, "name", process.getValue());
      metadata(json, "process_sort_index", process.getKey(), null, "sort_index", order++);
    }
    for (Lane lane : lanes) {
      metadata(json, "thread_name", lane.pid(), tids.get(lane.id()), "name", EnglishTexts.render(lane.name()));
      metadata(json, "thread_sort_index", lane.pid(), tids.get(lane.id()), "sort_index", lane.id());
    }
  }

  private static void metadata(JsonGenerator json, String name, long pid, Long tid, String key, Object value)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ph", "M");
    json.writeStringField("name", name);
    json.writeNumberField("pid", pid);
    if (tid != null) {
      json.writeNumberField("tid", tid);
    }
    json.writeObjectFieldStart("args");
    if (value instanceof Integer number) {
      json.writeNumberField(key, number);
    } else {
      json.writeStringField(key, String.valueOf(value));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Microseconds, exact to the nanosecond: 1234567 ns is 1234.567. */
  static BigDecimal micros(long nanos) {
    return BigDecimal.valueOf(nanos, 3);
  }

  /** The spans and instants of one lane, written in time order with proper nesting. */
  private static final class LaneWriter {
    // at one instant, slices that end go first (inner before outer), then instants, then slices
    // that begin (outer before inner), so that a viewer that keeps the file's order nests them
    private static final int END_INNER = 0;
    private static final int END_OUTER = 1;
    private static final int INSTANT = 2;
    private static final int BEGIN_OUTER = 3;
    private static final int BEGIN_INNER = 4;
    // a flow binds to the slice open where it is: one that starts where a slice ends (a thread's
    // end) is written before the end, one that arrives where a slice begins (a join's return) after
    private static final int FLOW_START = -1;
    private static final int FLOW_FINISH = 5;

    private record Item(long time, int order, int seq, Emit emit) {}

    @FunctionalInterface
    private interface Emit {
      void to(JsonGenerator json) throws IOException;
    }

    private record Task(long begin, long end, long number, String name, String status, String error) {}

    private final JsonGenerator json;
    private final Trace trace;
    private final Lane lane;
    private final long tid;
    private final LaneTrack track;
    private final long traceEnd;
    private final List<Item> items = new ArrayList<>();

    LaneWriter(JsonGenerator json, Trace trace, Lane lane, long tid, LaneTrack track, long traceEnd) {
      this.json = json;
      this.trace = trace;
      this.lane = lane;
      this.tid = tid;
      this.track = track;
      this.traceEnd = traceEnd;
    }

    void write(List<FlowEnd> flows) throws IOException {
      for (FlowEnd end : flows) {
        addFlow(end);
      }
      List<Task> tasks = tasks();
      for (Task task : tasks) {
        Emit args = json -> {
          json.writeNumberField("task", task.number());
          json.writeStringField("result", task.status());
          if (!task.error().isEmpty()) {
            json.writeStringField("error", task.error());
          }
        };
        if (task.end() > task.begin()) {
          addSlice(task.begin(), task.end(), false, "task", task.name(), args);
        } else {
          addInstant(task.begin(), "task", task.name(), args);
        }
      }
      addStates(tasks);
      addInstants();
      items.sort(Comparator.comparingLong(Item::time).thenComparingInt(Item::order).thenComparingInt(Item::seq));
      for (Item item : items) {
        item.emit().to(json);
      }
    }

    /** A lane's end: its END event, or the end of the trace when the lane was cut off. */
    private long laneEnd() {
      int end = track.endIndex();
      if (end >= 0) {
        return track.time(end);
      }
      return Math.max(traceEnd, track.size() > 0 ? track.time(track.size() - 1) : 0);
    }

    /** Pairs each task's begin with the task event that follows it, as the timeline draws it. */
    private List<Task> tasks() {
      List<Task> tasks = new ArrayList<>();
      LaneTrack.IndexList list = track.tasks();
      int k = 0;
      while (k < list.size()) {
        int index = list.get(k);
        if (track.kind(index) != EventKind.TASK_BEGIN) {
          addInstant(track.time(index), "task", taskName(index), taskArgs(index));
          k++;
          continue;
        }
        long number = track.value(index);
        String name = track.text(index).isEmpty() ? "task #" + number : track.text(index);
        if (k + 1 < list.size() && track.kind(list.get(k + 1)) != EventKind.TASK_BEGIN) {
          int end = list.get(k + 1);
          boolean failed = track.kind(end) == EventKind.TASK_FAILED;
          tasks.add(new Task(track.time(index), track.time(end), number, name, failed ? "failed" : "done", failed ? track.text(end) : ""));
          k += 2;
        } else {
          long end = k + 1 < list.size() ? list.timeOf(k + 1) : laneEnd();
          tasks.add(new Task(track.time(index), end, number, name, "unfinished", ""));
          k++;
        }
      }
      return tasks;
    }

    private String taskName(int index) {
      String verb = track.kind(index) == EventKind.TASK_FAILED ? "task #%d failed" : "task #%d ended";
      return String.format(Locale.ROOT, verb, track.value(index));
    }

    private Emit taskArgs(int index) {
      long number = track.value(index);
      String text = track.text(index);
      return json -> {
        json.writeNumberField("task", number);
        if (!text.isEmpty()) {
          json.writeStringField("text", EnglishTexts.render(text));
        }
      };
    }

    /** The lane's state segments, cut where a task begins or ends so they nest in the tasks. */
    private void addStates(List<Task> tasks) {
      LaneTrack.IndexList states = track.states();
      long end = laneEnd();
      int next = 0; // the first task that may overlap the current state; tasks are in time order
      for (int k = 0; k < states.size(); k++) {
        int index = states.get(k);
        LaneState state =
            switch (track.kind(index)) {
              case START -> LaneState.RUNNING;
              case END -> LaneState.ENDED;
              default -> LaneState.values()[(int) track.value(index)];
            };
        if (state == LaneState.ENDED) {
          continue;
        }
        long from = states.timeOf(k);
        long to = k + 1 < states.size() ? states.timeOf(k + 1) : end;
        String name = state.name().toLowerCase(Locale.ROOT);
        while (next < tasks.size() && tasks.get(next).end() <= from) {
          next++;
        }
        for (int t = next; t < tasks.size() && tasks.get(t).begin() < to; t++) {
          Task task = tasks.get(t);
          if (task.begin() > from) {
            addSlice(from, task.begin(), false, "state", name, null);
            from = task.begin();
          }
          long inside = Math.min(to, task.end());
          addSlice(from, inside, true, "state", name, null);
          from = Math.max(from, inside);
        }
        addSlice(from, to, false, "state", name, null);
      }
    }

    private void addInstants() {
      for (int index = 0; index < track.size(); index++) {
        long time = track.time(index);
        String text = track.text(index);
        long value = track.value(index);
        switch (track.kind(index)) {
          case PRINT -> addInstant(time, "print", text.isEmpty() ? "(empty line)" : text, null);
          case STDERR -> addInstant(time, "stderr", text.isEmpty() ? "(empty line)" : text, null);
          case MARKER -> addInstant(time, "marker", text.isEmpty() ? "marker" : EnglishTexts.render(text), null);
          case SPAWN -> {
            Lane child = value >= 0 && value < trace.lanes().size() ? trace.lane((int) value) : null;
            addInstant(time, "spawn", "spawn " + text, json -> {
              json.writeNumberField("child_lane", value);
              if (child != null) {
                json.writeNumberField("child_pid", child.pid());
              }
            });
          }
          case END -> addInstant(time, "end", text.isEmpty() ? "end" : "end: " + text, json -> json.writeNumberField("status", value));
          case LINE -> addInstant(time, "line", "line " + value, json -> json.writeNumberField("line", value));
          case COUNTER -> {
            if (track.object(index) == TraceEvent.NO_OBJECT) {
              addCounter(time, value); // the lane's own count (a queue's length); shared ones have a track each
            }
          }
          default -> {}
        }
      }
    }

    private void addSlice(long from, long to, boolean inner, String category, String name, Emit args) {
      if (to <= from) {
        return; // nothing to see, and an end before its begin would break the nesting
      }
      items.add(new Item(from, inner ? BEGIN_INNER : BEGIN_OUTER, items.size(), json -> {
        start(json, "B", from, category, name);
        if (args != null) {
          json.writeObjectFieldStart("args");
          args.to(json);
          json.writeEndObject();
        }
        json.writeEndObject();
      }));
      items.add(new Item(to, inner ? END_INNER : END_OUTER, items.size(), json -> {
        json.writeStartObject();
        json.writeStringField("ph", "E");
        json.writeNumberField("pid", lane.pid());
        json.writeNumberField("tid", tid);
        json.writeNumberField("ts", micros(to));
        json.writeEndObject();
      }));
    }

    private void addInstant(long time, String category, String text, Emit args) {
      items.add(new Item(time, INSTANT, items.size(), json -> {
        String name = text.length() > MAX_NAME_LENGTH ? text.substring(0, MAX_NAME_LENGTH) + "…" : text;
        start(json, "i", time, category, name);
        json.writeStringField("s", "t");
        if (args != null || name.length() != text.length()) {
          json.writeObjectFieldStart("args");
          if (args != null) {
            args.to(json);
          }
          if (name.length() != text.length()) {
            json.writeStringField("text", text);
          }
          json.writeEndObject();
        }
        json.writeEndObject();
      }));
    }

    private void addFlow(FlowEnd end) {
      items.add(new Item(end.time(), end.start() ? FLOW_START : FLOW_FINISH, items.size(), json -> {
        start(json, end.start() ? "s" : "f", end.time(), "link", end.name());
        json.writeNumberField("id", end.id());
        if (!end.start()) {
          json.writeStringField("bp", "e");
        }
        json.writeEndObject();
      }));
    }

    private void addCounter(long time, long value) {
      items.add(new Item(time, INSTANT, items.size(), json -> {
        start(json, "C", time, "counter", EnglishTexts.render(lane.name()));
        json.writeObjectFieldStart("args");
        json.writeNumberField("value", value);
        json.writeEndObject();
        json.writeEndObject();
      }));
    }

    private void start(JsonGenerator json, String phase, long time, String category, String name) throws IOException {
      json.writeStartObject();
      json.writeStringField("ph", phase);
      json.writeStringField("cat", category);
      json.writeStringField("name", name);
      json.writeNumberField("pid", lane.pid());
      json.writeNumberField("tid", tid);
      json.writeNumberField("ts", micros(time));
    }
  }
}
