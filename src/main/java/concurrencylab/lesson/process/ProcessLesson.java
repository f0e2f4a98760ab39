package concurrencylab.lesson.process;

import concurrencylab.trace.AppText;
import concurrencylab.lesson.CodeLine;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.PythonRunFacts;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.lesson.StartMethod;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * multiprocessing.Process: the parent starts N child processes in a loop, then joins them. Joining
 * only the last one (as the chapter's example does) lets "process end" appear while other
 * children still run.
 */
public final class ProcessLesson implements Lesson {
  /** Which children the parent waits for before it prints "process end". */
  public enum JoinMode {
    LAST_ONLY,
    ALL
  }

  private final IntParameter children = new IntParameter("children", 1, 16, 5);
  private final IntParameter maxSleepMillis = new IntParameter("maxSleepMillis", 0, 5000, 2000);
  private final ChoiceParameter<JoinMode> join = new ChoiceParameter<>("join", JoinMode.LAST_ONLY);
  private final SeedParameter seed = new SeedParameter(42);
  private final ChoiceParameter<StartMethod> startMethod = StartMethod.parameter(); // Python only

  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    boolean all = run.value(join.key()).orElse(join.get().name()).equals(JoinMode.ALL.name());
    return List.of(
        CodeStep.printed("running...", "\") running...\");", "running...\")"),
        CodeStep.inState(LaneState.SLEEPING, "context.sleep(sleepMillis);", "time.sleep(seconds)"),
        CodeStep.printed(") ends", "\") ends\");", "ends\")"),
        CodeStep.printed("parent process", "parent.print(\"parent process \"", "print(f\"parent process"),
        CodeStep.printed("process will start.", "parent.print(\"process will start.\");", "print(\"process will start.\")"),
        CodeStep.of(EventKind.SPAWN, "scope.spawn(\"Process-\"", "p.start()"),
        // the Python script ends here; the Java run then waits for the children it left running
        CodeStep.inState(LaneState.WAITING, CodeLine.in("if (stillRunning > 0)", "parent.waitFor(child::join);"), CodeLine.of("print(\"process end\")"))
            .afterPrinting("process end"),
        CodeStep.inState(LaneState.WAITING, CodeLine.of("parent.join(child);"),
            all ? CodeLine.in("if JOIN == \"all\":", "p.join()") : CodeLine.of("started[-1].join()")),
        CodeStep.printed("process end", "parent.print(\"process end\");", "print(\"process end\")"));
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(ProcessLesson.class, "run"), new SourceExcerpt(ChildTask.class, "run"));
  }

  @Override
  public String id() {
    return "process";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(children, maxSleepMillis, join, seed, startMethod);
  }

  public IntParameter children() {
    return children;
  }

  public ChoiceParameter<JoinMode> join() {
    return join;
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    TracedLane parent = scope.main();
    Random random = new Random(seed.get());
    parent.print("parent process " + parent.lane().pid());
    List<WorkerProcess> started = new ArrayList<>();
    for (int i = 0; i < children.get(); i++) {
      long sleep = random.nextInt(maxSleepMillis.get() + 1);
      parent.print("process will start.");
      // Java cannot fork: each child is a new JVM running this  ## zh: Java 不能 fork：每个子进程都是一个新的 JVM，
      // app in worker mode (like Python's "spawn")  ## zh: 以工作进程模式运行本应用（就像 Python 的 "spawn"）
      WorkerProcess child = scope.spawn("Process-" + (i + 1), WorkerProcess.EXIT_AFTER_TASK);
      child.run(0, "child(" + i + ")", ChildTask.class.getName(),
          List.of(Integer.toString(i), Long.toString(sleep)));
      started.add(child);
    }
    List<WorkerProcess> joined = join.get() == JoinMode.ALL
        ? started
        : started.subList(started.size() - 1, started.size()); // the last only  ## zh: 只等最后一个
    for (WorkerProcess child : joined) {
      parent.join(child); // its end is linked to this join  ## zh: 它的结束连到这次 join
    }
    parent.print("process end");
    long stillRunning = started.stream().filter(WorkerProcess::isAlive).count();
    parent.mark(AppText.of("mark.processEnd", stillRunning));
    if (stillRunning > 0) { // the app waits for them before the run ends  ## zh: 运行结束前，应用要等它们都结束
      for (WorkerProcess child : started) {
        parent.waitFor(child::join);
      }
    }
    // snippet:run:end
    return Outcome.of("outcome.process", started.size(), stillRunning);
  }

  /** Processes multiprocessing starts for itself, not for the script: they are not its children. */
  private static final java.util.Set<String> MULTIPROCESSING_HELPERS = java.util.Set.of("resource_tracker", "forkserver");

  /**
   * The Python run's outcome in the Java run's words: how many children the script's process
   * started, and how many of them had not ended when it printed "process end".
   */
  @Override
  public Outcome outcomeOfPythonRun(Trace drained) {
    Lane main = PythonRunFacts.mainProcess(drained).orElse(null);
    Optional<Long> processEnd = main == null ? Optional.empty() : PythonRunFacts.printed(drained, main, "process end");
    if (processEnd.isEmpty()) {
      return null;
    }
    long printedAt = processEnd.get();
    List<Lane> children = PythonRunFacts.startedBy(drained, main, LaneKind.PROCESS).stream()
        .filter(lane -> !MULTIPROCESSING_HELPERS.contains(lane.name()))
        .toList();
    long stillRunning = children.stream().filter(child -> endOf(drained.store().track(child.id())) > printedAt).count();
    return Outcome.of("outcome.process", children.size(), stillRunning);
  }

  /** When the lane ended; never, for one that did not. */
  private static long endOf(LaneTrack track) {
    int end = track.endIndex();
    return end >= 0 ? track.time(end) : Long.MAX_VALUE;
  }
}
