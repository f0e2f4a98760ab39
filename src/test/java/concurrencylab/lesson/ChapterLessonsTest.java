package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.fork.ForkLesson;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.lesson.thread.ThreadLesson;
import concurrencylab.lesson.thread.UrlFetch;
import concurrencylab.lesson.threadsubclass.ThreadSubclassLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The chapter's lessons run for real, without a window. */
class ChapterLessonsTest {
  private record Finished(LessonRun.Result result, Trace trace, List<TraceEvent> events) {
    List<TraceEvent> on(Lane lane) {
      return events.stream().filter(e -> e.lane() == lane.id()).toList();
    }

    List<Lane> threadLanes() {
      return trace.lanes().stream().filter(l -> l.kind() == LaneKind.THREAD).toList();
    }
  }

  private static Finished run(Lesson lesson) throws Exception {
    LessonRun run = LessonRun.start(lesson);
    LessonRun.Result result = run.done().get(120, TimeUnit.SECONDS);
    List<TraceEvent> events = run.trace().sync();
    assertThat(result.status()).as(result.failure()).isEqualTo(LessonRun.Status.COMPLETED);
    return new Finished(result, run.trace(), events);
  }

  private static List<String> texts(List<TraceEvent> events, EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).map(TraceEvent::text).toList();
  }

  @Test
  void forkStartsARealChildThatFindsTheAppAsItsParent() throws Exception {
    Finished fork = run(new ForkLesson());

    long self = ProcessHandle.current().pid();
    Lane child = fork.trace().lanes().get(1);
    assertThat(child.pid()).isNotEqualTo(self);
    assertThat(texts(fork.on(child), EventKind.PRINT))
        .containsExactly("I am the child process (" + child.pid() + ") and my parent process is (" + self + ").");
    assertThat(texts(fork.on(fork.trace().lanes().get(0)), EventKind.MARKER).stream().map(concurrencylab.export.EnglishTexts::render))
        .contains("parent branch: returned " + child.pid() + " (the child's PID)");
    assertThat(texts(fork.on(child), EventKind.MARKER).stream().map(concurrencylab.export.EnglishTexts::render))
        .contains("child branch: returned 0");
  }

  @Test
  void eachThreadPrintsItsOwnUrlsOnItsOwnLane() throws Exception {
    ThreadLesson lesson = new ThreadLesson();
    lesson.work().threads().set(3);
    lesson.work().urls().set(4);
    lesson.work().maxSleepMillis().set(30);

    Finished threads = run(lesson);

    assertThat(threads.threadLanes()).extracting(Lane::name).containsExactly("Thread-1", "Thread-2", "Thread-3");
    for (Lane lane : threads.threadLanes()) {
      int t = lane.name().charAt(lane.name().length() - 1) - '0';
      assertThat(texts(threads.on(lane), EventKind.PRINT).stream().filter(l -> l.contains("---->>>")))
          .containsExactly(
              lane.name() + " ---->>> url_" + t + "_1", lane.name() + " ---->>> url_" + t + "_2",
              lane.name() + " ---->>> url_" + t + "_3", lane.name() + " ---->>> url_" + t + "_4");
      assertThat(threads.on(lane)).extracting(TraceEvent::kind).startsWith(EventKind.START).endsWith(EventKind.END);
    }
  }

  @Test
  void theSubclassDoesTheSameWorkAsTheTargetForTheSameSeed() throws Exception {
    ThreadLesson target = new ThreadLesson();
    ThreadSubclassLesson subclass = new ThreadSubclassLesson();
    for (UrlFetch work : List.of(target.work(), subclass.work())) {
      work.threads().set(3);
      work.urls().set(4);
      work.maxSleepMillis().set(20);
      work.seed().value().set(99);
    }

    Finished a = run(target);
    Finished b = run(subclass);

    assertThat(shape(b)).isEqualTo(shape(a)).isNotEmpty();
  }

  /** Per thread lane: the kinds and texts of its events, and the sleep durations it recorded. */
  private static List<String> shape(Finished run) {
    List<String> shape = new ArrayList<>();
    for (Lane lane : run.threadLanes()) {
      for (TraceEvent e : run.on(lane)) {
        shape.add(lane.name() + " " + e.kind() + " " + (e.kind() == EventKind.STATE ? e.state() : e.text()));
      }
    }
    return shape;
  }

  private static LockLesson lockLesson(LockLesson.Mode mode, int stepMillis) {
    LockLesson lesson = new LockLesson();
    lesson.mode().value().set(mode);
    lesson.threads().set(4);
    lesson.increments().set(200);
    lesson.slowMotion().set(stepMillis);
    return lesson;
  }

  @Test
  void withALockNoUpdateIsLostAndOnlyOneThreadHoldsItAtATime() throws Exception {
    for (LockLesson.Mode mode : List.of(LockLesson.Mode.LOCK, LockLesson.Mode.RLOCK)) {
      Finished run = run(lockLesson(mode, 0));

      assertThat(run.result().outcome().args()).as(mode.name()).containsExactly(800, 800, 0);
      assertOneHolderAtATime(run);
      long deepest = run.events().stream().filter(e -> e.kind() == EventKind.LOCK_ACQUIRED).mapToLong(TraceEvent::value).max().orElse(0);
      assertThat(deepest).as("hold count in %s", mode).isEqualTo(mode == LockLesson.Mode.RLOCK ? 2 : 1);
    }
  }

  private static void assertOneHolderAtATime(Finished run) {
    List<TraceEvent> lockEvents = new ArrayList<>(run.events().stream()
        .filter(e -> e.kind() == EventKind.LOCK_ACQUIRED || e.kind() == EventKind.LOCK_RELEASED).toList());
    lockEvents.sort(Comparator.comparingLong(TraceEvent::time).thenComparing(e -> e.kind() == EventKind.LOCK_ACQUIRED));
    int holder = -1;
    for (TraceEvent e : lockEvents) {
      if (e.kind() == EventKind.LOCK_ACQUIRED) {
        assertThat(holder).as("lock taken by lane %d while lane %d holds it", e.lane(), holder).isIn(-1, e.lane());
        holder = e.lane();
      } else if (e.value() == 0) {
        assertThat(holder).isEqualTo(e.lane());
        holder = -1;
      }
    }
    assertThat(holder).isEqualTo(-1);
  }

  @Test
  void pausingHoldsEveryThreadAtItsNextStepAndResumingFinishesTheWork() throws Exception {
    LockLesson lesson = lockLesson(LockLesson.Mode.NO_LOCK, 5);
    lesson.threads().set(3);
    lesson.increments().set(20);
    LessonRun run = LessonRun.start(lesson);
    concurrencylab.runtime.Await.until(java.time.Duration.ofSeconds(30),
        () -> run.trace().recordedCount() > 20, "the threads have started counting");

    run.pause();
    concurrencylab.runtime.Await.until(java.time.Duration.ofSeconds(30),
        () -> run.heldThreads() == 3, "all three threads wait at the gate");
    List<TraceEvent> untilHeld = new java.util.ArrayList<>(run.trace().sync());
    long recordedWhileHeld = run.trace().recordedCount();
    assertThat(run.isPaused()).isTrue();
    // unpaused, three threads pacing at 5 ms would record about 40 events in these 200 ms
    long watchUntil = System.nanoTime() + 200_000_000L;
    concurrencylab.runtime.Await.until(java.time.Duration.ofSeconds(5),
        () -> System.nanoTime() > watchUntil || run.trace().recordedCount() != recordedWhileHeld, "200 ms pass or an event arrives");
    assertThat(run.trace().recordedCount()).as("events recorded while paused").isEqualTo(recordedWhileHeld);
    assertThat(run.done()).isNotDone();
    for (Lane lane : run.trace().lanes()) {
      if (lane.name().startsWith("Thread-")) {
        assertThat(run.trace().store().track(lane.id()).stateAt(Long.MAX_VALUE)).as("%s is drawn paused", lane.name()).isEqualTo(LaneState.PAUSED);
      }
    }
    assertThat(untilHeld).anyMatch(e -> e.kind() == EventKind.MARKER && e.text().equals(LessonRun.PAUSED_MARK));

    run.resume();
    LessonRun.Result result = run.done().get(60, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(LessonRun.Status.COMPLETED);
    List<TraceEvent> rest = run.trace().sync();
    untilHeld.addAll(rest);
    assertThat(untilHeld.stream().filter(e -> e.kind() == EventKind.COUNTER)).hasSize(60);
    assertThat(rest).anyMatch(e -> e.kind() == EventKind.MARKER && e.text().equals(LessonRun.RESUMED_MARK));
    assertThat(rest).as("each thread leaves the pause in the state it paused in")
        .filteredOn(e -> e.kind() == EventKind.STATE && e.state() == LaneState.RUNNING).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void withoutALockUpdatesAreReallyLost() throws Exception {
    Finished run = run(lockLesson(LockLesson.Mode.NO_LOCK, 1));

    List<Object> args = run.result().outcome().args();
    int expected = (int) args.get(0);
    int actual = (int) args.get(1);
    long writes = run.events().stream().filter(e -> e.kind() == EventKind.COUNTER).count();
    TraceEvent lastWrite = run.events().stream().filter(e -> e.kind() == EventKind.COUNTER)
        .max(Comparator.comparingLong(TraceEvent::time)).orElseThrow();
    assertThat(writes).isEqualTo(expected);
    assertThat(lastWrite.value()).isEqualTo(actual);
    assertThat(actual).isLessThan(expected);
    assertThat(args.get(2)).isEqualTo((int) (writes - actual));
  }

  @Test
  void aChildJvmIsShownStartingUntilItRunsLessonCode() throws Exception {
    concurrencylab.lesson.process.ProcessLesson lesson = new concurrencylab.lesson.process.ProcessLesson();
    lesson.children().set(2);
    LessonCommandLine.set(LessonCommandLine.parameter(lesson, "maxSleepMillis").orElseThrow(), "10");
    LessonRun run = LessonRun.start(lesson);
    run.done().get(60, TimeUnit.SECONDS);
    Trace trace = run.trace();
    trace.sync();
    List<Lane> children = trace.lanes().stream().filter(l -> l.name().startsWith("Process-")).toList();
    assertThat(children).hasSize(2);
    for (Lane child : children) {
      concurrencylab.trace.LaneTrack track = trace.store().track(child.id());
      long started = track.time(0);
      int firstPrint = -1;
      for (int i = 0; i < track.size() && firstPrint < 0; i++) {
        if (track.kind(i) == EventKind.PRINT) {
          firstPrint = i;
        }
      }
      assertThat(track.stateAt(started)).as("%s right after its spawn", child.name()).isEqualTo(LaneState.STARTING);
      assertThat(track.stateAt(track.time(firstPrint))).as("%s when it prints", child.name()).isNotEqualTo(LaneState.STARTING);
    }
  }
}
