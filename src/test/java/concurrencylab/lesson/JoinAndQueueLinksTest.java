package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concurrencylab.export.ChromeTraceWriter;
import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.runtime.Await;
import concurrencylab.runtime.ProcessPool;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.LinkTable;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The joins and the Pool's queue say who let whom through: a child's end is linked to the join it
 * released (only the last child's when only the last is joined), every put on the Pool's queue to
 * the get of the worker that took that task, and the export keeps both as flows, with the queue's
 * size as a counter track.
 */
class JoinAndQueueLinksTest {
  @AfterEach
  void noChildLeft() throws InterruptedException {
    Await.until(Duration.ofSeconds(10), () -> Resources.liveChildren() == 0, "no child process is left");
  }

  /** A link's two ends, by lane name and the kind of event at each end. */
  private record Link(String fromLane, EventKind fromKind, int fromIndex, String toLane, EventKind toKind, int toIndex) {}

  private static List<Link> links(Trace trace, LinkKind kind) {
    LinkTable table = trace.store().links();
    List<Link> found = new ArrayList<>();
    for (int k = 0; k < table.size(); k++) {
      if (table.kind(k) == kind) {
        LaneTrack from = trace.store().track(table.fromLane(k));
        LaneTrack to = trace.store().track(table.toLane(k));
        found.add(new Link(trace.lane(table.fromLane(k)).name(), from.kind(table.fromIndex(k)), table.fromIndex(k),
            trace.lane(table.toLane(k)).name(), to.kind(table.toIndex(k)), table.toIndex(k)));
      }
    }
    return found;
  }

  private static ProcessLesson processLesson(ProcessLesson.JoinMode mode) {
    ProcessLesson lesson = new ProcessLesson();
    LessonDrive.shorten(lesson, 0);
    lesson.children().set(3);
    lesson.join().value().set(mode);
    return lesson;
  }

  @Test
  void joiningEveryChildLinksEachChildsEndToTheJoinItLetThrough() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(processLesson(ProcessLesson.JoinMode.ALL));
    assertThat(ended.result().status()).isEqualTo(LessonRun.Status.COMPLETED);
    Trace trace = ended.trace();

    List<Link> joins = links(trace, LinkKind.JOIN);
    assertThat(joins).extracting(Link::fromLane).containsExactlyInAnyOrder("Process-1", "Process-2", "Process-3");
    LaneTrack main = trace.store().track(trace.lanes().get(0).id());
    for (Link join : joins) {
      LaneTrack child = trace.store().track(trace.lanes().stream().filter(l -> l.name().equals(join.fromLane())).findFirst().orElseThrow().id());
      assertThat(join.fromIndex()).as("from the child's END, its last event").isEqualTo(child.size() - 1);
      assertThat(join.fromKind()).isEqualTo(EventKind.END);
      assertThat(join.toLane()).isEqualTo("main");
      assertThat(join.toKind()).isEqualTo(EventKind.STATE);
      assertThat(main.value(join.toIndex())).as("to the moment main runs again").isEqualTo(LaneState.RUNNING.ordinal());
      assertThat(main.time(join.toIndex())).isGreaterThanOrEqualTo(child.time(join.fromIndex()));
    }
  }

  @Test
  void joiningOnlyTheLastChildLinksOnlyTheLastChildsEnd() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(processLesson(ProcessLesson.JoinMode.LAST_ONLY));
    assertThat(ended.result().status()).isEqualTo(LessonRun.Status.COMPLETED);

    // the app still waits for the others before the run ends, but that is not the lesson's join
    assertThat(links(ended.trace(), LinkKind.JOIN)).extracting(Link::fromLane).containsExactly("Process-3");
  }

  private static PoolLesson poolLesson() {
    PoolLesson lesson = new PoolLesson();
    LessonDrive.shorten(lesson, 0);
    lesson.processes().set(2);
    lesson.tasks().set(6);
    lesson.failingTask().set(-1);
    return lesson;
  }

  @Test
  void eachTaskPutOnThePoolsQueueIsLinkedToTheGetOfTheWorkerThatRanIt() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(poolLesson());
    assertThat(ended.result().status()).isEqualTo(LessonRun.Status.COMPLETED);
    Trace trace = ended.trace();

    List<SyncObject> queues = trace.syncObjects().stream().filter(o -> o.kind() == SyncKind.QUEUE).toList();
    assertThat(queues).extracting(SyncObject::name).containsExactly(ProcessPool.QUEUE_NAME);
    int queue = queues.get(0).id();
    LaneTrack main = trace.store().track(trace.lanes().get(0).id());
    List<Long> putSizes = new ArrayList<>();
    for (int i = 0; i < main.size(); i++) {
      if (main.kind(i) == EventKind.PUT) {
        assertThat(main.object(i)).isEqualTo(queue);
        putSizes.add(main.value(i));
      }
    }
    assertThat(putSizes).as("main put six tasks, each size counted after it").hasSize(6).allMatch(size -> size >= 1 && size <= 6);

    List<Link> items = links(trace, LinkKind.ITEM);
    assertThat(items).hasSize(6).allMatch(l -> l.fromLane().equals("main") && l.fromKind() == EventKind.PUT && l.toKind() == EventKind.GET);
    // first in, first out: the n-th put is taken by a get that is followed on its worker by task n
    items.sort(java.util.Comparator.comparingInt(Link::fromIndex));
    for (int n = 0; n < items.size(); n++) {
      Link item = items.get(n);
      Lane worker = trace.lanes().stream().filter(l -> l.name().equals(item.toLane())).findFirst().orElseThrow();
      LaneTrack track = trace.store().track(worker.id());
      assertThat(track.object(item.toIndex())).isEqualTo(queue);
      int begin = item.toIndex() + 1;
      while (track.kind(begin) != EventKind.TASK_BEGIN) {
        begin++;
      }
      assertThat(track.value(begin)).as("the task the get of put %d began", n).isEqualTo(n);
      assertThat(track.time(begin)).isGreaterThanOrEqualTo(track.time(item.toIndex()));
    }

    // pool.join(parent) waited for every worker to exit
    assertThat(links(trace, LinkKind.JOIN)).extracting(Link::fromLane).containsExactlyInAnyOrder("PoolWorker-1", "PoolWorker-2");
  }

  @Test
  void thePoolsQueueIsACounterTrackAndItsItemsAndJoinsAreFlowsInTheChromeTrace() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(poolLesson());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChromeTraceWriter.write(ended.trace(), Map.of(), bytes);
    JsonNode root = new ObjectMapper().readTree(bytes.toByteArray());
    List<JsonNode> events = StreamSupport.stream(root.get("traceEvents").spliterator(), false).toList();

    long mainPid = ended.trace().lanes().get(0).pid();
    List<JsonNode> counters = events.stream().filter(e -> e.path("ph").asText().equals("C") && e.path("name").asText().equals("task queue")).toList(); // in English, as files for other tools carry the app's words
    assertThat(counters).as("one track in the app's process").isNotEmpty().allMatch(e -> e.path("pid").asLong() == mainPid);
    assertThat(counters).extracting(e -> e.path("args").path("value").asLong()).contains(0L).allMatch(v -> v >= 0 && v <= 6);
    assertThat(counters.get(counters.size() - 1).path("args").path("value").asLong()).as("empty at the end").isZero();
    List<java.math.BigDecimal> times = counters.stream().map(e -> e.path("ts").decimalValue()).toList();
    assertThat(times).isSorted();

    Map<String, Map<Long, List<String>>> flows = new HashMap<>();
    for (JsonNode e : events) {
      String phase = e.path("ph").asText();
      if (phase.equals("s") || phase.equals("f")) {
        flows.computeIfAbsent(e.path("name").asText(), n -> new HashMap<>()).computeIfAbsent(e.path("id").asLong(), i -> new ArrayList<>()).add(phase);
      }
    }
    assertThat(flows.get("item")).hasSize(6).allSatisfy((id, phases) -> assertThat(phases).containsExactlyInAnyOrder("s", "f"));
    assertThat(flows.get("join")).hasSize(2).allSatisfy((id, phases) -> assertThat(phases).containsExactlyInAnyOrder("s", "f"));
  }
}
