package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concurrencylab.export.ChromeTraceWriter;
import concurrencylab.lesson.lock.LockLesson;
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
import concurrencylab.trace.TraceStore;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lock lesson's lock and counter are objects of the trace, and the trace says who let whom in:
 * each release of the fair lock that a waiting thread was queued behind is linked to that thread's
 * acquisition, as the timeline draws it and Perfetto shows it.
 */
class LockHandOverTest {
  private static Trace trace;
  private static LessonRun.Result result;
  private static SyncObject lock;
  private static SyncObject counter;

  /** Three threads, slowed so that each holds the lock long enough for the others to queue. */
  @BeforeAll
  static void runTheLockLesson() throws Exception {
    LockLesson lesson = new LockLesson();
    lesson.mode().value().set(LockLesson.Mode.LOCK);
    lesson.threads().set(3);
    lesson.increments().set(8);
    lesson.slowMotion().set(4);
    LessonRun run = LessonRun.start(lesson);
    result = run.done().get(120, TimeUnit.SECONDS);
    assertThat(result.status()).as(result.failure()).isEqualTo(LessonRun.Status.COMPLETED);
    trace = run.trace();
    trace.sync();
    lock = trace.syncObjects().stream().filter(o -> o.kind() == SyncKind.LOCK).findFirst().orElseThrow();
    counter = trace.syncObjects().stream().filter(o -> o.kind() == SyncKind.COUNTER).findFirst().orElseThrow();
  }

  @Test
  void theLockAndTheCounterAreNamedObjectsAndTheirEventsNameThem() {
    assertThat(trace.syncObjects()).extracting(SyncObject::name).containsExactlyInAnyOrder("lock", "counter");
    int lockEvents = 0;
    int counterEvents = 0;
    for (Lane lane : threadLanes()) {
      LaneTrack track = trace.store().track(lane.id());
      for (int i = 0; i < track.size(); i++) {
        switch (track.kind(i)) {
          case LOCK_WAIT, LOCK_ACQUIRED, LOCK_RELEASED -> {
            assertThat(track.object(i)).as("%s event %d", lane.name(), i).isEqualTo(lock.id());
            lockEvents++;
          }
          case READ, COUNTER -> {
            assertThat(track.object(i)).as("%s event %d", lane.name(), i).isEqualTo(counter.id());
            counterEvents++;
          }
          default -> assertThat(track.object(i)).isEqualTo(-1);
        }
      }
    }
    assertThat(lockEvents).isGreaterThanOrEqualTo(3 * 8 * 2);
    assertThat(counterEvents).isEqualTo(3 * 8 * 2);
  }

  @Test
  void everyAcquisitionAfterAWaitIsLinkedFromTheReleaseOfAnotherThreadJustBeforeIt() {
    TraceStore store = trace.store();
    LinkTable links = store.links();
    List<long[]> fullReleases = new ArrayList<>(); // time, lane
    int acquiredAfterWaiting = 0;
    for (Lane lane : threadLanes()) {
      LaneTrack track = store.track(lane.id());
      LaneTrack.IndexList locks = track.locks();
      for (int k = 0; k < locks.size(); k++) {
        int index = locks.get(k);
        if (track.kind(index) == EventKind.LOCK_RELEASED && track.value(index) == 0) {
          fullReleases.add(new long[] {track.time(index), lane.id()});
        }
        if (track.kind(index) == EventKind.LOCK_ACQUIRED && k > 0 && track.kind(locks.get(k - 1)) == EventKind.LOCK_WAIT) {
          acquiredAfterWaiting++;
        }
      }
    }
    assertThat(acquiredAfterWaiting).as("acquisitions that had to wait (the slow motion makes threads queue)").isPositive();

    int handOvers = 0;
    for (int k = 0; k < links.size(); k++) {
      if (links.kind(k) != LinkKind.HAND_OVER) {
        continue;
      }
      handOvers++;
      LaneTrack from = store.track(links.fromLane(k));
      LaneTrack to = store.track(links.toLane(k));
      int release = links.fromIndex(k);
      int acquire = links.toIndex(k);
      assertThat(from.kind(release)).isEqualTo(EventKind.LOCK_RELEASED);
      assertThat(from.value(release)).as("a release that left the lock free").isZero();
      assertThat(from.object(release)).isEqualTo(lock.id());
      assertThat(to.kind(acquire)).isEqualTo(EventKind.LOCK_ACQUIRED);
      assertThat(to.object(acquire)).isEqualTo(lock.id());
      assertThat(links.toLane(k)).as("handed to another thread").isNotEqualTo(links.fromLane(k));
      int before = to.locks().find(acquire) - 1;
      assertThat(before).isGreaterThanOrEqualTo(0);
      assertThat(to.kind(to.locks().get(before))).as("the acquirer had been waiting").isEqualTo(EventKind.LOCK_WAIT);
      long waitedAt = to.locks().timeOf(before);
      List<LaneState> meanwhile = new ArrayList<>();
      LaneTrack.IndexList states = to.states();
      for (int s = states.firstAtOrAfter(waitedAt); s < states.size() && states.timeOf(s) <= to.time(acquire); s++) {
        meanwhile.add(to.stateAfter(s));
      }
      assertThat(meanwhile).as("states between the wait and the acquisition").startsWith(LaneState.BLOCKED);
      assertThat(to.time(acquire)).isGreaterThanOrEqualTo(from.time(release));
      long releaseTime = from.time(release);
      long acquireTime = to.time(acquire);
      int acquirer = links.toLane(k);
      assertThat(fullReleases).as("no other thread freed the lock between the release and the acquisition")
          .noneMatch(r -> r[0] > releaseTime && r[0] <= acquireTime && r[1] != acquirer);
    }
    assertThat(handOvers).as("one hand-over per acquisition that waited").isEqualTo(acquiredAfterWaiting);
  }

  @Test
  void eachThreadsSpawnIsLinkedToItsStartAndItsEndToTheJoinItLetThrough() {
    TraceStore store = trace.store();
    LinkTable links = store.links();
    Lane main = trace.lanes().get(0);
    Map<Integer, Integer> spawns = new HashMap<>();
    Map<Integer, Integer> joins = new HashMap<>();
    for (int k = 0; k < links.size(); k++) {
      if (links.kind(k) == LinkKind.SPAWN) {
        assertThat(links.fromLane(k)).isEqualTo(main.id());
        assertThat(store.track(main.id()).kind(links.fromIndex(k))).isEqualTo(EventKind.SPAWN);
        assertThat(store.track(main.id()).value(links.fromIndex(k))).isEqualTo(links.toLane(k));
        assertThat(links.toIndex(k)).as("the child's first event").isZero();
        assertThat(store.track(links.toLane(k)).kind(0)).isEqualTo(EventKind.START);
        spawns.merge(links.toLane(k), 1, Integer::sum);
      } else if (links.kind(k) == LinkKind.JOIN) {
        LaneTrack joiner = store.track(links.toLane(k));
        assertThat(store.track(links.fromLane(k)).kind(links.fromIndex(k))).isEqualTo(EventKind.END);
        assertThat(links.toLane(k)).isEqualTo(main.id());
        assertThat(joiner.kind(links.toIndex(k))).isEqualTo(EventKind.STATE);
        assertThat(joiner.value(links.toIndex(k))).isEqualTo(LaneState.RUNNING.ordinal());
        assertThat(joiner.stateAt(links.toTime(k) - 1)).as("main was waiting in the join").isEqualTo(LaneState.WAITING);
        assertThat(links.toTime(k)).isGreaterThanOrEqualTo(links.fromTime(k));
        joins.merge(links.fromLane(k), 1, Integer::sum);
      }
    }
    Map<Integer, Integer> oncePerThread = new HashMap<>();
    threadLanes().forEach(l -> oncePerThread.put(l.id(), 1));
    assertThat(spawns).isEqualTo(oncePerThread);
    assertThat(joins).isEqualTo(oncePerThread);
  }

  @Test
  void theChromeTraceHasAFlowPerLinkAndTheCounterAsOneTrackEndingAtTheFinalValue() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChromeTraceWriter.write(trace, Map.of(), out);
    JsonNode events = new ObjectMapper().readTree(out.toByteArray()).get("traceEvents");
    List<JsonNode> all = StreamSupport.stream(events.spliterator(), false).toList();

    Map<String, JsonNode> starts = new HashMap<>();
    Map<String, JsonNode> finishes = new HashMap<>();
    for (JsonNode e : all) {
      String phase = e.get("ph").asText();
      if (phase.equals("s")) {
        assertThat(starts.put(e.get("id").asText(), e)).as("flow id used once").isNull();
      } else if (phase.equals("f")) {
        assertThat(e.get("bp").asText()).isEqualTo("e");
        assertThat(finishes.put(e.get("id").asText(), e)).as("flow id used once").isNull();
      }
    }
    assertThat(starts).hasSize(trace.store().links().size());
    assertThat(finishes.keySet()).isEqualTo(starts.keySet());
    long handOvers = starts.values().stream().filter(s -> s.get("name").asText().equals("hand-over")).count();
    assertThat(handOvers).isPositive();
    for (String id : starts.keySet()) {
      JsonNode s = starts.get(id);
      JsonNode f = finishes.get(id);
      assertThat(f.get("name").asText()).isEqualTo(s.get("name").asText());
      assertThat(f.get("cat").asText()).isEqualTo(s.get("cat").asText());
      assertThat(new BigDecimal(f.get("ts").asText())).isGreaterThanOrEqualTo(new BigDecimal(s.get("ts").asText()));
      if (s.get("name").asText().equals("hand-over")) {
        assertThat(f.get("tid").asLong()).as("handed to another thread").isNotEqualTo(s.get("tid").asLong());
      }
    }

    List<JsonNode> track = all.stream()
        .filter(e -> e.get("ph").asText().equals("C") && e.get("name").asText().equals("counter"))
        .toList();
    assertThat(track).hasSize(3 * 8);
    for (int i = 1; i < track.size(); i++) {
      assertThat(new BigDecimal(track.get(i).get("ts").asText())).isGreaterThanOrEqualTo(new BigDecimal(track.get(i - 1).get("ts").asText()));
    }
    int finalCounter = (Integer) result.outcome().args().get(1);
    assertThat(finalCounter).isEqualTo(3 * 8);
    assertThat(track.get(track.size() - 1).get("args").get("value").asInt()).isEqualTo(finalCounter);
    assertThat(all).as("no counter track per thread lane any more")
        .noneMatch(e -> e.get("ph").asText().equals("C") && e.get("name").asText().startsWith("Thread-"));
  }

  /**
   * With an RLock a thread takes the lock twice; only the outer release frees it, so only those are
   * hand-overs, one for each acquisition that had to wait.
   */
  @Test
  void withAnRLockOnlyTheReleaseThatFreesTheLockHandsItOver() throws Exception {
    LockLesson lesson = new LockLesson();
    lesson.mode().value().set(LockLesson.Mode.RLOCK);
    lesson.threads().set(3);
    lesson.increments().set(5);
    lesson.slowMotion().set(4);
    LessonRun run = LessonRun.start(lesson);
    LessonRun.Result reentrant = run.done().get(120, TimeUnit.SECONDS);
    assertThat(reentrant.status()).as(reentrant.failure()).isEqualTo(LessonRun.Status.COMPLETED);
    Trace rlock = run.trace();
    rlock.sync();
    TraceStore store = rlock.store();

    int waited = 0;
    int innerReleases = 0;
    for (Lane lane : rlock.lanes()) {
      LaneTrack track = store.track(lane.id());
      LaneTrack.IndexList locks = track.locks();
      for (int k = 0; k < locks.size(); k++) {
        EventKind kind = track.kind(locks.get(k));
        if (kind == EventKind.LOCK_ACQUIRED && k > 0 && track.kind(locks.get(k - 1)) == EventKind.LOCK_WAIT) {
          waited++;
        }
        if (kind == EventKind.LOCK_RELEASED && track.value(locks.get(k)) == 1) {
          innerReleases++;
        }
      }
    }
    LinkTable links = store.links();
    List<Long> linkedReleaseCounts = new ArrayList<>();
    for (int k = 0; k < links.size(); k++) {
      if (links.kind(k) == LinkKind.HAND_OVER) {
        linkedReleaseCounts.add(store.track(links.fromLane(k)).value(links.fromIndex(k)));
      }
    }
    assertThat(innerReleases).as("inner releases, back to a hold count of 1").isEqualTo(3 * 5);
    assertThat(waited).isPositive();
    assertThat(linkedReleaseCounts).hasSize(waited).containsOnly(0L);
  }

  private static List<Lane> threadLanes() {
    return trace.lanes().stream().filter(l -> l.kind() == LaneKind.THREAD).toList();
  }
}
