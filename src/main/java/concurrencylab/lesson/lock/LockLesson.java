package concurrencylab.lesson.lock;

import concurrencylab.lesson.CodeLine;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.runtime.Pacer;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedCounter;
import concurrencylab.runtime.TracedLane;
import concurrencylab.runtime.TracedLock;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * K threads add 1 to one shared counter M times each. Without a lock, the read and the write are
 * separate steps and updates are lost; with a Lock none are; with an RLock the holder takes the
 * same lock again inside, as a helper that also locks would.
 */
public final class LockLesson implements Lesson {
  /** How the increment is protected. */
  public enum Mode {
    NO_LOCK,
    LOCK,
    RLOCK
  }

  private final IntParameter threads = new IntParameter("threads", 1, 8, 2);
  private final IntParameter increments = new IntParameter("increments", 1, 1000, 5);
  private final IntParameter slowMotion = new IntParameter("stepMillis", 0, 1000, 120);
  private final ChoiceParameter<Mode> mode = new ChoiceParameter<>("lockMode", Mode.NO_LOCK);

  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    List<CodeStep> steps = new ArrayList<>(List.of(
        CodeStep.of(EventKind.READ, "int seen = counter.read(lane);", "seen = counter"),
        CodeStep.of(EventKind.COUNTER, "counter.write(lane, next);", "counter = new"),
        CodeStep.printed("counter = ", CodeLine.of("main.print(\"counter = \" + counter.value()"), CodeLine.of("print(f\"counter = {counter}, mode")),
        CodeStep.printed("expected", CodeLine.of("main.print(\"counter = \" + actual"), CodeLine.of("print(f\"counter = {counter} (expected")),
        CodeStep.inState(LaneState.WAITING, "main.joinAll(started);", "thread.join()")));
    Mode chosen = mode(run);
    if (chosen != Mode.NO_LOCK) {
      String javaBranch = chosen == Mode.LOCK ? "case LOCK ->" : "case RLOCK ->";
      String pythonFunction = chosen == Mode.LOCK ? "def add_locked" : "def add_reentrant";
      steps.addAll(lockSteps(0, CodeLine.in(javaBranch, "lock.lock(lane);"), CodeLine.in(javaBranch, "lock.unlock(lane);"),
          CodeLine.in(pythonFunction, "with lock:")));
    }
    if (chosen == Mode.RLOCK) {
      String helper = "static void incrementHoldingTheLockAgain(";
      steps.addAll(lockSteps(1, CodeLine.in(helper, "lock.lock(lane);"), CodeLine.in(helper, "lock.unlock(lane);"),
          CodeLine.in("def helper", "with lock:")));
    }
    return steps;
  }

  /** Waiting for, taking and giving back the lock when the thread already holds it {@code held} times. */
  private static List<CodeStep> lockSteps(int held, CodeLine javaLock, CodeLine javaUnlock, CodeLine python) {
    return List.of(
        CodeStep.of(EventKind.LOCK_WAIT, javaLock, python).withValue(held),
        CodeStep.of(EventKind.LOCK_ACQUIRED, javaLock, python).withValue(held + 1),
        CodeStep.of(EventKind.LOCK_RELEASED, javaUnlock, python).withValue(held));
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(LockLesson.class, "run"), new SourceExcerpt(LockLesson.class, "increment"));
  }

  @Override
  public String id() {
    return "lock";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(mode, threads, increments, slowMotion);
  }

  @Override
  public boolean canPause() {
    return true;
  }

  public IntParameter threads() {
    return threads;
  }

  public IntParameter increments() {
    return increments;
  }

  public IntParameter slowMotion() {
    return slowMotion;
  }

  public ChoiceParameter<Mode> mode() {
    return mode;
  }

  /** The counter the threads share, expected at K × M. */
  public int expected() {
    return threads.get() * increments.get();
  }

  /**
   * What a line the Python script printed says of the counter: {@code counter = N, mode …} at its
   * start, {@code counter = N (expected E, lost L)} at its end (the script's own measurement: in
   * Python the counter is a plain variable no hook sees); empty for any other line.
   */
  public static java.util.Optional<PrintedCounter> printedCounter(String line) {
    java.util.regex.Matcher m = PRINTED_COUNTER.matcher(line);
    return m.find() ? java.util.Optional.of(new PrintedCounter(Integer.parseInt(m.group(1)), m.group(2) != null)) : java.util.Optional.empty();
  }

  /** The counter as the Python script printed it; {@code last} for the line after every thread was joined. */
  public record PrintedCounter(int value, boolean last) {}

  private static final java.util.regex.Pattern PRINTED_COUNTER = java.util.regex.Pattern.compile("^counter = (\\d+)(?:, mode|( \\(expected \\d+, lost -?\\d+\\)))$");

  /** The counter a recorded run expected: its K × M. */
  public int expected(RunInfo run) {
    return run.intValue(threads.key(), threads.get()) * run.intValue(increments.key(), increments.get());
  }

  /** The mode a recorded run used. */
  public Mode mode(RunInfo run) {
    return run.value(mode.key()).map(Mode::valueOf).orElse(mode.get());
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    Pacer pacer = scope.pacer(slowMotion.get()); // slow motion: a pause after each step  ## zh: 慢动作：每一步之后停一下
    TracedCounter counter = new TracedCounter(scope.trace(), "counter", pacer);
    TracedLock lock = new TracedLock(scope.trace(), "lock", pacer); // a fair ReentrantLock  ## zh: 公平的 ReentrantLock
    Mode chosen = mode.get();
    int times = increments.get();
    TracedLane main = scope.main();
    main.print("counter = " + counter.value() + ", mode " + chosen);
    List<Thread> started = new ArrayList<>();
    for (int t = 1; t <= threads.get(); t++) {
      started.add(scope.startThread("Thread-" + t, lane -> {
        for (int i = 0; i < times; i++) {
          switch (chosen) {
            case NO_LOCK -> increment(lane, counter, pacer);
            case LOCK -> {
              lock.lock(lane); // may block: one thread at a time  ## zh: 可能阻塞：一次只让一个线程进入
              try {
                increment(lane, counter, pacer);
              } finally {
                lock.unlock(lane);
              }
            }
            case RLOCK -> {
              lock.lock(lane); // hold count 1  ## zh: 持有计数为 1
              try {
                incrementHoldingTheLockAgain(lane, lock, counter, pacer);
              } finally {
                lock.unlock(lane);
              }
            }
          }
        }
      }));
    }
    main.joinAll(started);
    int actual = counter.value();
    int expected = times * started.size();
    main.print("counter = " + actual + " (expected " + expected + ", lost " + (expected - actual) + ")");
    // snippet:run:end
    return Outcome.of("outcome.lock", expected, actual, expected - actual);
  }

  /**
   * The Python run's outcome in the Java run's words, from the count its script printed last: the
   * counter is a plain Python variable that no hook sees.
   */
  @Override
  public Outcome outcomeOfPythonRun(Trace drained) {
    for (Lane lane : drained.lanes()) {
      LaneTrack track = drained.store().track(lane.id());
      for (int i = track.size() - 1; i >= 0; i--) {
        if (track.kind(i) == EventKind.PRINT) {
          java.util.Optional<PrintedCounter> counted = printedCounter(track.text(i));
          if (counted.isPresent() && counted.get().last()) {
            int expected = expected(drained.runInfo());
            return Outcome.of("outcome.lock", expected, counted.get().value(), expected - counted.get().value());
          }
        }
      }
    }
    return null;
  }

  /** {@code counter += 1}, as the machine does it: read, add, write. */
  // snippet:increment:start
  private static void increment(TracedLane lane, TracedCounter counter, Pacer pacer) throws InterruptedException {
    int seen = counter.read(lane);
    int next = seen + 1;
    pacer.step(lane);
    counter.write(lane, next);
  }

  // A helper that locks too, called while the lock is held: only a reentrant lock allows it.  ## zh: 一个也要加锁的辅助方法，在持有锁时调用：只有可重入锁允许这样做。
  private static void incrementHoldingTheLockAgain(TracedLane lane, TracedLock lock, TracedCounter counter, Pacer pacer)
      throws InterruptedException {
    lock.lock(lane); // hold count 2: a plain lock would deadlock here  ## zh: 持有计数为 2：普通的锁在这里会死锁
    try {
      increment(lane, counter, pacer);
    } finally {
      lock.unlock(lane); // back to 1  ## zh: 回到 1
    }
  }
  // snippet:increment:end
}
