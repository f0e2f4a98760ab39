package concurrencylab.lesson.lock;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.StageKind;
import concurrencylab.runtime.Pacer;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedCounter;
import concurrencylab.runtime.TracedLane;
import concurrencylab.runtime.TracedLock;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
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
  public List<CodeStep> codeSteps() {
    return List.of(
        CodeStep.of(EventKind.LOCK_WAIT, "lock.lock(lane);        // a fair", "with lock:           # one thread"),
        CodeStep.of(EventKind.LOCK_ACQUIRED, "lock.lock(lane);        // a fair", "with lock:           # one thread"),
        CodeStep.of(EventKind.READ, "int seen = counter.read(lane);", "seen = counter       # read"),
        CodeStep.of(EventKind.COUNTER, "counter.write(lane, next);", "counter = seen + 1"),
        CodeStep.of(EventKind.LOCK_RELEASED, "lock.unlock(lane);", "with lock:           # one thread"),
        CodeStep.inState(LaneState.WAITING, "// LockLesson", "for t in threads: t.join()"));
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
  public StageKind stage() {
    return StageKind.LOCK_STAGE;
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

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    Pacer pacer = scope.pacer(slowMotion.get());
    TracedCounter counter = new TracedCounter(pacer);
    TracedLock lock = new TracedLock(pacer);
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
              lock.lock(lane);
              try {
                increment(lane, counter, pacer);
              } finally {
                lock.unlock(lane);
              }
            }
            case RLOCK -> {
              lock.lock(lane);
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
    int expected = expected();
    main.print("counter = " + actual + " (expected " + expected + ", lost " + (expected - actual) + ")");
    return Outcome.of("outcome.lock", expected, actual, expected - actual);
  }

  /** {@code counter += 1}, as the machine does it: read, add, write. */
  private static void increment(TracedLane lane, TracedCounter counter, Pacer pacer) throws InterruptedException {
    int seen = counter.read(lane);
    int next = seen + 1;
    pacer.step();
    counter.write(lane, next);
  }

  /** A helper that locks too, called while the lock is held: only a reentrant lock allows it. */
  private static void incrementHoldingTheLockAgain(TracedLane lane, TracedLock lock, TracedCounter counter, Pacer pacer)
      throws InterruptedException {
    lock.lock(lane);
    try {
      increment(lane, counter, pacer);
    } finally {
      lock.unlock(lane);
    }
  }
}
