package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.runtime.python.PythonFinder;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Process lesson's Python run says what its Java run says: how many children the script
 * started, and how many had not ended when it printed "process end", as its console shows.
 */
class PythonOutcomeTest {
  @Test
  void theProcessScriptsOutcomeCountsTheChildrenStillRunningAtProcessEnd() throws Exception {
    PythonRun.Options python = python();
    ProcessLesson process = new ProcessLesson();
    process.children().set(4);
    LessonCommandLine.set(LessonCommandLine.parameter(process, "maxSleepMillis").orElseThrow(), "600");
    for (ProcessLesson.JoinMode join : ProcessLesson.JoinMode.values()) {
      process.join().value().set(join);
      for (String method : List.of("FORK", "SPAWN")) {
        LessonCommandLine.set(LessonCommandLine.parameter(process, "startMethod").orElseThrow(), method);
        LessonDrive.Ended ended = LessonDrive.run(PythonLesson.of(process, python));
        assertThat(ended.result().status()).isEqualTo(LessonRun.Status.COMPLETED);
        Outcome outcome = outcome(ended);

        // the console's own account: the children's "ends" lines printed after "process end"
        List<TraceEvent> printed = prints(ended.trace());
        long processEnd = printed.stream().filter(e -> e.text().equals("process end")).findFirst().orElseThrow().time();
        long endedAfter = printed.stream().filter(e -> e.text().matches("child process \\d \\(\\d+\\) ends") && e.time() > processEnd).count();
        assertThat(outcome).as("%s, %s", join, method).isEqualTo(Outcome.of("outcome.process", 4, endedAfter));
        if (join == ProcessLesson.JoinMode.ALL) {
          assertThat(endedAfter).isZero();
        }
      }
    }
  }

  /** The progress lesson's Python: its loop stands for the window, and the verdict says how long it did not turn. */
  @Test
  void theProgressScriptsOutcomeSaysHowLongItsLoopDidNotTurn() throws Exception {
    PythonRun.Options python = python();
    concurrencylab.lesson.progress.ProgressLesson progress = new concurrencylab.lesson.progress.ProgressLesson();
    progress.steps().set(5);
    progress.stepMillis().set(100);
    progress.jobs().set(2);
    progress.where().value().set(concurrencylab.lesson.progress.ProgressLesson.Where.UI_THREAD);
    LessonDrive.Ended frozen = LessonDrive.run(PythonLesson.of(progress, python));
    Outcome onTheLoop = outcome(frozen);
    assertThat(onTheLoop.messageKey()).isEqualTo("outcome.progress.python.ui.froze");
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
      // the loop's thread, the script's main thread, had its CPU time read all along the run
      concurrencylab.trace.Trace trace = frozen.run().trace();
      concurrencylab.trace.Lane loop = trace.lanes().stream().filter(l -> l.kind() == concurrencylab.trace.LaneKind.PROCESS && l.pid() != ProcessHandle.current().pid())
          .findFirst().orElseThrow();
      concurrencylab.trace.CpuSamples samples = trace.mainThreadCpuIfRead(loop.pid()).orElseThrow();
      assertThat(samples.size()).as("readings every few ms over a run of at least 500 ms").isGreaterThan(20);
      // and they cover the loop's longest gap, the freeze: the loop turns on that process's lane
      List<concurrencylab.trace.TraceEvent> events = new java.util.ArrayList<>();
      for (concurrencylab.trace.Lane lane : trace.lanes()) {
        concurrencylab.trace.LaneTrack track = trace.store().track(lane.id());
        for (int i = 0; i < track.size(); i++) {
          events.add(track.event(lane.id(), i));
        }
      }
      events.sort(java.util.Comparator.comparingLong(concurrencylab.trace.TraceEvent::time));
      concurrencylab.lesson.progress.LoopTurns turns = new concurrencylab.lesson.progress.LoopTurns(trace);
      turns.add(events);
      assertThat(turns.loopLane()).isEqualTo(loop.id());
      long start = turns.longestGapStart();
      assertThat(samples.between(start, start + turns.longestGapNanos())).as("the loop's CPU time in its freeze").isNotNegative();
    }
    assertThat((Long) onTheLoop.args().get(0)).as("the loop stuck for the whole job: 5 steps of 100 ms").isGreaterThanOrEqualTo(500L);

    progress.where().value().set(concurrencylab.lesson.progress.ProgressLesson.Where.BACKGROUND);
    Outcome inThreads = outcome(LessonDrive.run(PythonLesson.of(progress, python)));
    // on Linux the loop's CPU time says whose a lag was; elsewhere only the load does
    assertThat(inThreads.messageKey()).isIn("outcome.progress.python.background.smooth", "outcome.progress.python.background.laggedOwnWork",
        "outcome.progress.python.background.laggedNotRunning", "outcome.progress.python.background.laggedWaiting");
    assertThat((Long) inThreads.args().get(0)).as("the loop turned between the steps").isLessThan((Long) onTheLoop.args().get(0));
    assertThat(inThreads.args().get(2)).isEqualTo(2);
  }

  /** fork's Python: the script's process and its copy, by the PIDs their lanes carry (it had said only "Completed"). */
  @Test
  void theForkScriptsOutcomeNamesTheProcessAndItsCopy() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(PythonLesson.of(new concurrencylab.lesson.fork.ForkLesson(), python()));
    Outcome outcome = outcome(ended);
    assertThat(outcome.messageKey()).isEqualTo("outcome.fork.python");
    concurrencylab.trace.Trace trace = ended.run().trace();
    concurrencylab.trace.Lane main = PythonRunFacts.mainProcess(trace).orElseThrow();
    assertThat(outcome.args().get(0)).isEqualTo(Long.toString(main.pid()));
    assertThat(outcome.args().get(1)).isNotEqualTo(outcome.args().get(0))
        .isIn(trace.lanes().stream().filter(l -> l.parentId() == main.id()).map(l -> Long.toString(l.pid())).toList());
  }

  /** Thread and Thread subclass in Python: how many threads fetched their URLs, as the Java run says it. */
  @Test
  void theThreadScriptsOutcomeCountsItsThreads() throws Exception {
    for (concurrencylab.lesson.thread.UrlFetchLesson lesson : List.of(new concurrencylab.lesson.thread.ThreadLesson(),
        new concurrencylab.lesson.threadsubclass.ThreadSubclassLesson())) {
      lesson.work().threads().set(3);
      lesson.work().urls().set(2);
      Outcome outcome = outcome(LessonDrive.run(PythonLesson.of(lesson, python())));
      assertThat(outcome.messageKey()).as(lesson.id()).isEqualTo("outcome.thread");
      assertThat(outcome.args()).as(lesson.id()).containsExactly(3L);
    }
  }

  /** The Pool's Python: its tasks, its workers, and the one that raised, as the Java run says them. */
  @Test
  void thePoolScriptsOutcomeCountsItsTasksAndTheOneThatRaised() throws Exception {
    PythonRun.Options python = python();
    concurrencylab.lesson.pool.PoolLesson pool = new concurrencylab.lesson.pool.PoolLesson();
    pool.processes().set(2);
    pool.tasks().set(5);
    LessonCommandLine.set(LessonCommandLine.parameter(pool, "sleepSeconds").orElseThrow(), "0-0.05");
    LessonCommandLine.set(LessonCommandLine.parameter(pool, "failingTask").orElseThrow(), "3");
    LessonDrive.Ended ended = LessonDrive.run(PythonLesson.of(pool, python));
    Outcome outcome = outcome(ended);
    assertThat(outcome.messageKey()).isEqualTo("outcome.pool");
    assertThat(outcome.args()).element(0).isEqualTo(5);
    assertThat(outcome.args()).element(1).isEqualTo(2);
    assertThat((Double) outcome.args().get(2)).as("seconds, from the script's start to its last line").isPositive()
        .isLessThan(ended.trace().store().endTime() / 1e9);
    assertThat(outcome.args()).element(3).isEqualTo(1);
  }

  /** The Lock lesson's Python: the count its script printed, and with a Lock no update lost. */
  @Test
  void theLockScriptsOutcomeIsTheCountItPrinted() throws Exception {
    PythonRun.Options python = python();
    concurrencylab.lesson.lock.LockLesson lock = new concurrencylab.lesson.lock.LockLesson();
    LessonCommandLine.set(LessonCommandLine.parameter(lock, "threads").orElseThrow(), "3");
    LessonCommandLine.set(LessonCommandLine.parameter(lock, "increments").orElseThrow(), "20");
    LessonCommandLine.set(LessonCommandLine.parameter(lock, "stepMillis").orElseThrow(), "1");
    for (String mode : List.of("NO_LOCK", "LOCK")) {
      LessonCommandLine.set(LessonCommandLine.parameter(lock, "lockMode").orElseThrow(), mode);
      LessonDrive.Ended ended = LessonDrive.run(PythonLesson.of(lock, python));
      String last = prints(ended.trace()).stream().map(TraceEvent::text).filter(t -> t.startsWith("counter = ") && t.contains("expected"))
          .findFirst().orElseThrow();
      Outcome outcome = outcome(ended);
      assertThat(outcome.messageKey()).isEqualTo("outcome.lock");
      assertThat(last).as(mode).isEqualTo("counter = " + outcome.args().get(1) + " (expected 60, lost " + outcome.args().get(2) + ")");
      assertThat(outcome.args().get(0)).isEqualTo(60);
      if (mode.equals("LOCK")) {
        assertThat(outcome.args().get(2)).isEqualTo(0);
      }
    }
  }

  /** What the run says once its trace is drained, as the window and record show it. */
  private static Outcome outcome(LessonDrive.Ended ended) {
    return ended.run().afterDrain(ended.result()).outcome();
  }

  private static PythonRun.Options python() {
    PythonFinder.Result found = PythonFinder.find();
    Assumptions.assumeTrue(found instanceof PythonFinder.Found, "no Python >= 3.8");
    return new PythonRun.Options(((PythonFinder.Found) found).executable(), PythonRun.DEFAULT_MAX_PROCESSES);
  }

  private static List<TraceEvent> prints(concurrencylab.trace.Trace trace) {
    return trace.lanes().stream().flatMap(lane -> concurrencylab.trace.LaneEvents.of(trace, lane).stream())
        .filter(event -> event.kind() == EventKind.PRINT).toList();
  }

}
