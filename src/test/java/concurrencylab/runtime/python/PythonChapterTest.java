package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.RunSnapshot;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.TraceEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each chapter lesson's own Python script (the one the Python panel shows, with its parameter
 * block) run for real with the tracer: the lanes, PIDs, lines, tasks and lock counts it records.
 */
class PythonChapterTest {
  @TempDir java.nio.file.Path dir;

  private static Lesson lesson(String id, String... keyValues) {
    Lesson lesson = LessonRegistry.createAll().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    for (int i = 0; i < keyValues.length; i += 2) {
      LessonCommandLine.set(LessonCommandLine.parameter(lesson, keyValues[i]).orElseThrow(), keyValues[i + 1]);
    }
    return lesson;
  }

  private static String script(Lesson lesson) {
    return lesson.pythonExample(RunSnapshot.of(lesson, "en"));
  }

  /** The script as the lesson writes it with its start-method control at {@code method}. */
  private static String withStartMethod(Lesson lesson, String method) {
    LessonCommandLine.set(LessonCommandLine.parameter(lesson, "startMethod").orElseThrow(), method);
    String script = script(lesson);
    assertThat(script).contains("START_METHOD = \"" + method + "\"").contains("multiprocessing.get_context(START_METHOD)");
    return script;
  }

  private static boolean hasStartMethod(String method) {
    return method.equals("spawn") || !System.getProperty("os.name").startsWith("Windows");
  }

  @Test
  void forkSplitsTheLaneIntoAParentAndAChildWithRealPids() throws Exception {
    PythonRuns.Ran ran = PythonRuns.run(script(lesson("fork")), dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    List<Lane> processes = ran.lanes(LaneKind.PROCESS);
    assertThat(processes).as(ran.describe()).hasSize(2);
    Lane parent = ran.lane("MainProcess");
    Lane child = processes.stream().filter(l -> l != parent).findFirst().orElseThrow();
    assertThat(child.parentId()).isEqualTo(parent.id());
    assertThat(child.pid()).isNotEqualTo(parent.pid()).isPositive();
    assertThat(ran.printed(parent)).contains("current process (" + parent.pid() + ") start...", "I (" + parent.pid() + ") created a child process (" + child.pid() + ").");
    assertThat(ran.printed(child)).containsExactly("I am the child process (" + child.pid() + ") and my parent process is (" + parent.pid() + ").");
    assertThat(ran.on(parent, EventKind.SPAWN)).extracting(TraceEvent::value).contains((long) child.id());
    assertThat(ran.on(child, EventKind.END)).singleElement().satisfies(e -> assertThat(e.value()).isZero());
    assertThat(ran.on(parent, EventKind.STATE)).extracting(TraceEvent::state).as("waitpid waits").contains(LaneState.WAITING);
    assertThat(ran.on(parent, EventKind.MARKER)).extracting(e -> concurrencylab.export.EnglishTexts.render(e.text()))
        .as("what os.fork returned in the parent").containsExactly("parent branch: returned " + child.pid() + " (the child's PID)");
    assertThat(ran.on(child, EventKind.MARKER)).extracting(e -> concurrencylab.export.EnglishTexts.render(e.text()))
        .as("and in the child").containsExactly("child branch: returned 0");
    long forkedAt = ran.on(parent, EventKind.SPAWN).get(0).time();
    long createdLine = ran.on(parent, EventKind.PRINT).stream().filter(e -> e.text().startsWith("I (")).findFirst().orElseThrow().time();
    assertThat(forkedAt).as("the lane splits at the fork, before the parent says it created the child").isLessThan(createdLine);
    assertThat(ran.on(parent, EventKind.MARKER).get(0).time()).isEqualTo(forkedAt);
    assertThat(ran.on(child, EventKind.START)).singleElement().satisfies(e -> assertThat(e.text()).endsWith("(os.fork)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fork", "spawn", "forkserver"})
  void processGivesEachChildItsLaneAndItsLines(String method) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(hasStartMethod(method));
    Lesson lesson = lesson("process", "children", "4", "maxSleepMillis", "100", "join", "ALL");
    PythonRuns.Ran ran = PythonRuns.run(withStartMethod(lesson, method), dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    Lane main = ran.lane("MainProcess");
    Set<Long> pids = new HashSet<>(Set.of(main.pid()));
    Pattern running = Pattern.compile("child process (\\d) \\((\\d+)\\) running\\.\\.\\.");
    // a context's processes are named by their kind, as Python names them
    String kind = Map.of("fork", "ForkProcess", "spawn", "SpawnProcess", "forkserver", "ForkServerProcess").get(method);
    for (int i = 1; i <= 4; i++) {
      Lane child = ran.lane(kind + "-" + i);
      assertThat(pids.add(child.pid())).as("distinct pid of %s", child).isTrue();
      Lane parent = ran.trace().lane(child.parentId());
      assertThat(parent.name()).isEqualTo(method.equals("forkserver") ? "forkserver" : "MainProcess");
      List<String> lines = ran.printed(child);
      assertThat(lines).as(ran.describe()).hasSize(2);
      Matcher m = running.matcher(lines.get(0));
      assertThat(m.matches()).as(lines.get(0)).isTrue();
      assertThat(Long.parseLong(m.group(2))).as("the pid it printed is its lane's").isEqualTo(child.pid());
      assertThat(ran.on(child, EventKind.START).get(0).text()).contains("(" + method + ")");
      assertThat(ran.on(child, EventKind.END)).singleElement().satisfies(e -> assertThat(e.value()).isZero());
      assertThat(ran.on(child, EventKind.STATE)).extracting(TraceEvent::state).contains(LaneState.SLEEPING);
    }
    assertThat(ran.printed(main)).filteredOn("process will start."::equals).hasSize(4);
    assertThat(ran.printed(main)).last().isEqualTo("process end");
    assertThat(ran.on(main, EventKind.STATE)).extracting(TraceEvent::state).as("joins wait").contains(LaneState.WAITING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fork", "spawn", "forkserver"})
  void poolRunsEachTaskOnceOnItsWorkersAndShowsTheOneThatRaised(String method) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(hasStartMethod(method));
    Lesson lesson = lesson("pool", "processes", "3", "tasks", "8", "sleepSeconds", "0-0.1", "failingTask", "5");
    PythonRuns.Ran ran = PythonRuns.run(withStartMethod(lesson, method), dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    List<TraceEvent> begun = ran.all(EventKind.TASK_BEGIN);
    assertThat(begun).extracting(TraceEvent::value).as(ran.describe()).hasSize(8).doesNotHaveDuplicates();
    assertThat(begun).extracting(TraceEvent::text).as("each box names the call, its sleep to 3 digits")
        .allMatch(label -> label.matches("task\\(\\d, [0-9.e-]{1,7}\\)"), "like task(4, 0.0537), not task(4, 0.053712345678)");
    Set<Integer> workers = begun.stream().map(TraceEvent::lane).collect(Collectors.toSet());
    assertThat(workers).hasSizeBetween(1, 3);
    Pattern running = Pattern.compile("task (\\d) \\(pid=(\\d+)\\) is running\\.\\.\\.");
    int seen = 0;
    for (int lane : workers) {
      Lane worker = ran.trace().lane(lane);
      assertThat(worker.kind()).isEqualTo(LaneKind.PROCESS);
      assertThat(worker.name()).endsWith("PoolWorker-" + worker.name().replaceAll(".*-", ""));
      for (String line : ran.printed(worker)) {
        Matcher m = running.matcher(line);
        if (m.matches()) {
          seen++;
          assertThat(Long.parseLong(m.group(2))).as("%s printed on its own lane", line).isEqualTo(worker.pid());
        }
      }
    }
    assertThat(seen).isEqualTo(8);
    List<TraceEvent> failed = ran.all(EventKind.TASK_FAILED);
    assertThat(failed).singleElement().satisfies(e -> {
      assertThat(e.text()).isEqualTo("RuntimeError: task 5 raised on purpose");
      assertThat(workers).contains(e.lane());
    });
    assertThat(ran.all(EventKind.TASK_END)).hasSize(7);
    assertThat(ran.printed(ran.lane("MainProcess"))).contains("task 5 raised on purpose").last().isEqualTo("all subprocesses done.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "threadsubclass"})
  void threadsGetLanesWithTheirLinesAndSleeps(String id) throws Exception {
    Lesson lesson = lesson(id, "threads", "3", "urls", "2", "maxSleepMillis", "50");
    PythonRuns.Ran ran = PythonRuns.run(script(lesson), dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    assertThat(ran.lanes(LaneKind.PROCESS)).hasSize(1);
    Lane main = ran.lane("MainProcess");
    assertThat(ran.lanes(LaneKind.THREAD)).hasSize(3);
    for (int t = 1; t <= 3; t++) {
      Lane thread = ran.lane("Thread-" + t);
      assertThat(thread.parentId()).isEqualTo(main.id());
      assertThat(thread.pid()).isEqualTo(main.pid());
      assertThat(ran.printed(thread)).containsExactly(
          "Current Thread-" + t + " is running...", "Thread-" + t + " ---->>> url_" + t + "_1", "Thread-" + t + " ---->>> url_" + t + "_2", "Thread-" + t + " ended.");
      assertThat(ran.on(thread, EventKind.STATE)).extracting(TraceEvent::state).contains(LaneState.SLEEPING, LaneState.RUNNING);
      assertThat(ran.on(thread, EventKind.END)).singleElement().satisfies(e -> assertThat(concurrencylab.export.EnglishTexts.render(e.text())).isEqualTo("ended"));
    }
    assertThat(ran.printed(main)).containsExactly("MainThread is running...", "MainThread ended.");
    assertThat(ran.on(main, EventKind.STATE)).extracting(TraceEvent::state).contains(LaneState.WAITING);
  }

  @Test
  void progressOnTheLoopStopsItsTurnsForTheWholeJobAndThreadsLetItTurn() throws Exception {
    PythonRuns.Ran onLoop = PythonRuns.run(script(lesson("progress", "where", "UI_THREAD", "steps", "4", "jobStepMillis", "60")), dir);
    assertThat(onLoop.result().succeeded()).as(onLoop.describe()).isTrue();
    Lane loop = onLoop.lane("MainProcess");
    concurrencylab.lesson.progress.LoopTurns frozen = new concurrencylab.lesson.progress.LoopTurns(onLoop.trace());
    frozen.add(onLoop.events());
    assertThat(frozen.loopLane()).isEqualTo(loop.id());
    assertThat(frozen.drawn()).as("the job's four steps, drawn by the loop").containsExactly(Map.entry(loop.id(), 4));
    assertThat(frozen.longestGapNanos()).as("no turn while the job ran on the loop: 4 steps of 60 ms").isGreaterThanOrEqualTo(240_000_000L);
    assertThat(onLoop.printed(loop)).contains("MainThread: drew step 4/4", "all jobs drawn");

    PythonRuns.Ran inThreads = PythonRuns.run(script(lesson("progress", "where", "BACKGROUND", "jobs", "2", "steps", "8", "jobStepMillis", "60")), dir);
    assertThat(inThreads.result().succeeded()).as(inThreads.describe()).isTrue();
    concurrencylab.lesson.progress.LoopTurns turning = new concurrencylab.lesson.progress.LoopTurns(inThreads.trace());
    turning.add(inThreads.events());
    Lane job1 = inThreads.lane("job-1");
    Lane job2 = inThreads.lane("job-2");
    assertThat(turning.loopLane()).isEqualTo(inThreads.lane("MainProcess").id());
    assertThat(turning.drawn()).containsOnly(Map.entry(job1.id(), 8), Map.entry(job2.id(), 8));
    assertThat(turning.longestGapNanos()).as("the loop turned while each job's 480 ms ran").isLessThan(480_000_000L);
    assertThat(inThreads.printed(inThreads.lane("MainProcess"))).contains("job-1: drew step 8/8", "job-2: drew step 8/8");
  }

  @Test
  void aLockLosesNoUpdateAndEveryHoldIsOnTheLanes() throws Exception {
    Lesson lesson = lesson("lock", "threads", "3", "increments", "20", "stepMillis", "1", "lockMode", "LOCK");
    PythonRuns.Ran ran = PythonRuns.run(script(lesson), dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    assertThat(ran.printed(ran.lane("MainProcess"))).last().isEqualTo("counter = 60 (expected 60, lost 0)");
    assertThat(ran.all(EventKind.LOCK_ACQUIRED)).hasSize(60).allSatisfy(e -> assertThat(e.value()).isEqualTo(1));
    assertThat(ran.all(EventKind.LOCK_RELEASED)).hasSize(60).allSatisfy(e -> assertThat(e.value()).isZero());
    assertThat(ran.all(EventKind.LOCK_WAIT)).as("three threads want one lock").isNotEmpty();
    Map<Integer, Long> perThread = ran.all(EventKind.LOCK_ACQUIRED).stream().collect(Collectors.groupingBy(TraceEvent::lane, Collectors.counting()));
    assertThat(perThread.values()).containsOnly(20L);
    assertThat(ran.all(EventKind.STATE)).extracting(TraceEvent::state).contains(LaneState.BLOCKED);
  }

  @Test
  void anRLockIsHeldTwiceAndNoLockLosesUpdates() throws Exception {
    Lesson lesson = lesson("lock", "threads", "2", "increments", "5", "stepMillis", "2", "lockMode", "RLOCK");
    PythonRuns.Ran ran = PythonRuns.run(script(lesson), dir);
    assertThat(ran.printed(ran.lane("MainProcess"))).last().isEqualTo("counter = 10 (expected 10, lost 0)");
    assertThat(ran.all(EventKind.LOCK_ACQUIRED)).extracting(TraceEvent::value).containsOnly(1L, 2L).filteredOn(v -> v == 2L).hasSize(10);

    lesson = lesson("lock", "threads", "3", "increments", "5", "stepMillis", "5", "lockMode", "NO_LOCK");
    ran = PythonRuns.run(script(lesson), dir);
    assertThat(ran.all(EventKind.LOCK_ACQUIRED)).isEmpty();
    String last = ran.printed(ran.lane("MainProcess")).get(ran.printed(ran.lane("MainProcess")).size() - 1);
    assertThat(last).matches("counter = \\d+ \\(expected 15, lost [1-9]\\d*\\)");
  }
}
