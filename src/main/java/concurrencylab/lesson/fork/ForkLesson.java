package concurrencylab.lesson.fork;

import concurrencylab.lesson.PythonRunFacts;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.AppText;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.RunInfo;
import java.util.List;

/**
 * os.fork(): "called once, returns twice". A JVM cannot fork itself, so the child is a new process
 * of this app (spawn); the lanes show where fork would have split the parent in two and what each
 * branch would have got back.
 */
public final class ForkLesson implements Lesson {
  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return List.of(
        CodeStep.printed("I am the child", "System.out.println(\"I am the child process (\"", "print(f\"I am the child process"),
        CodeStep.marked("mark.parentBranch", "parent.mark(AppText.of(\"mark.parentBranch\"", "pid = os.fork()"),
        CodeStep.marked("mark.childBranch", "context.mark(AppText.of(\"mark.childBranch\"));", "if pid == 0:"),
        CodeStep.printed("start...", "parent.print(\"current process (\"", "print(f\"current process"),
        CodeStep.printed("created a child", "parent.print(\"I (\" + pid + \") created", "print(f\"I ({os.getpid()}) created"),
        CodeStep.of(EventKind.SPAWN, "scope.spawn(\"child\", WorkerProcess.EXIT_AFTER_TASK);", "pid = os.fork()"),
        CodeStep.inState(LaneState.WAITING, "parent.waitFor(child::join);", "os.waitpid(pid, 0)"));
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(ForkLesson.class, "run"), new SourceExcerpt(ForkChildTask.class, "run"));
  }

  /** In Python the work differs from Java's: its own explanation says how. */
  @Override
  public String pythonExplanationKey() {
    return explanationKey() + ".python";
  }

  @Override
  public String id() {
    return "fork";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of();
  }

  /**
   * The Python run's outcome: the script's process and the copy fork() made of it, by their PIDs;
   * none where the script could not fork (no child lane).
   */
  @Override
  public Outcome outcomeOfPythonRun(Trace drained) {
    Lane main = PythonRunFacts.mainProcess(drained).orElse(null);
    if (main == null) {
      return null;
    }
    return PythonRunFacts.startedBy(drained, main, LaneKind.PROCESS).stream()
        .findFirst()
        .map(child -> Outcome.of("outcome.fork.python", Long.toString(main.pid()), Long.toString(child.pid())))
        .orElse(null);
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    TracedLane parent = scope.main();
    long pid = parent.lane().pid();
    parent.print("current process (" + pid + ") start...");
    // Java cannot fork a JVM: the child is a new JVM running  ## zh: Java 无法 fork 一个 JVM：子进程是一个新的 JVM，
    // this app in worker mode (Python's "spawn")  ## zh: 以工作进程模式运行本应用（相当于 Python 的 "spawn"）
    WorkerProcess child = scope.spawn("child", WorkerProcess.EXIT_AFTER_TASK);
    parent.mark(AppText.of("mark.parentBranch", Long.toString(child.pid())));
    parent.print("I (" + pid + ") created a child process (" + child.pid() + ").");
    child.run(0, "child", ForkChildTask.class.getName(), List.of());
    parent.waitFor(child::join);
    // snippet:run:end
    return Outcome.of("outcome.fork", Long.toString(pid), Long.toString(child.pid()));
  }
}
