package concurrencylab.runtime;

import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.TraceEvent;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process of the app in worker mode, with its own lane. Two reader threads turn its stdout
 * (protocol and plain text) and stderr into events; a child's timestamps are kept between the time
 * it was spawned and the time its line arrived, so the timeline never shows an effect before its
 * cause.
 */
public final class WorkerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

  /** What the owner of a worker hears about it, on the worker's reader thread. */
  public interface Listener {
    default void ready(WorkerProcess worker) {}

    default void taskEnded(WorkerProcess worker, long task, boolean failed) {}

    /**
     * The process has ended and all its stdout is recorded; called before its END, so that what
     * the owner records about it (a task it lost) lands on the lane before the end.
     */
    default void exited(WorkerProcess worker, int status) {}
  }

  /** For a child that runs one task, like Python's {@code Process(target=…)}: it exits after it. */
  public static final Listener EXIT_AFTER_TASK =
      new Listener() {
        @Override
        public void taskEnded(WorkerProcess worker, long task, boolean failed) {
          worker.closeInput();
        }
      };

  private final Trace trace;
  private final Lane lane;
  private final Process process;
  private final Listener listener;
  private final OutputStream stdin;
  private final long spawnTime;
  private volatile boolean askedToEnd;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private volatile long lastChildTime;
  /** The recorded END of the process, set before {@link #exit} completes. */
  private volatile EventRef end;
  private final java.util.Map<Long, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

  private WorkerProcess(
      Trace trace, Lane lane, Process process, Listener listener, long spawnTime) {
    this.trace = trace;
    this.lane = lane;
    this.process = process;
    this.listener = listener;
    this.stdin = process.getOutputStream();
    this.spawnTime = spawnTime;
    this.lastChildTime = spawnTime;
  }

  /** Starts a worker, records the spawn on the parent lane and opens the child's lane. */
  public static WorkerProcess start(Trace trace, String name, Lane parent, Listener listener) {
    long spawnTime = trace.now();
    Process process;
    try {
      process = ChildLauncher.start(new ProcessBuilder(WorkerCommand.forOrigin(trace.originNanos())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a worker process", e);
    }
    Lane lane = trace.addLane(name, LaneKind.PROCESS, process.pid(), parent.id());
    EventRef spawn = trace.recordRefAt(parent.id(), spawnTime, EventKind.SPAWN, lane.id(), name, TraceEvent.NO_OBJECT);
    EventRef start = trace.recordRefAt(lane.id(), spawnTime, EventKind.START, 0, "pid " + process.pid(), TraceEvent.NO_OBJECT);
    trace.link(spawn, start, LinkKind.SPAWN);
    trace.recordAt(lane.id(), spawnTime, EventKind.STATE, LaneState.STARTING.ordinal(), "");
    WorkerProcess worker = new WorkerProcess(trace, lane, process, listener, spawnTime);
    worker.startReaders(name);
    return worker;
  }

  private void startReaders(String name) {
    Thread out = new Thread(this::readStdout, name + "-stdout");
    Thread err = new Thread(this::readStderr, name + "-stderr");
    out.setDaemon(true);
    err.setDaemon(true);
    out.start();
    err.start();
  }

  public Lane lane() {
    return lane;
  }

  public long pid() {
    return process.pid();
  }

  /** Sends a task; false when the worker is gone. */
  public boolean run(long task, String taskClass, List<String> args) {
    return run(task, "#" + task, taskClass, args);
  }

  /** Sends a task that the timeline will label with {@code label}; false when the worker is gone. */
  public boolean run(long task, String label, String taskClass, List<String> args) {
    labels.put(task, label);
    return sendLine(LineProtocol.run(task, taskClass, args));
  }

  private boolean sendLine(String line) {
    try {
      synchronized (stdin) {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      }
      return true;
    } catch (IOException e) {
      LOG.debug("worker {} no longer reads its stdin", pid(), e);
      return false;
    }
  }

  /** Closes the worker's stdin; it exits by itself as soon as it sees end of file. */
  public void closeInput() {
    try {
      synchronized (stdin) {
        stdin.close();
      }
    } catch (IOException e) {
      LOG.debug("closing stdin of worker {}", pid(), e);
    }
  }

  /**
   * Asks the worker to end, as Stop does: its stdin closes, and a worker ends at once when it sees
   * that. Its lane then says "stopped"; only a worker that has to be killed says "killed".
   */
  public void askToEnd() {
    askedToEnd = true;
    closeInput();
  }

  /** Ends the worker and anything it started, at once. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit status once the process has ended and all its output is recorded. */
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  /** Waits for {@link #exit()}; the Java counterpart of Python's {@code Process.join()}. */
  public int join() throws InterruptedException {
    try {
      return exit.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The END event of the process on its lane, for a link from it; null until {@link #exit()} is done. */
  public EventRef endEvent() {
    return end;
  }

  public boolean join(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      exit.get(timeout, unit);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void readStdout() {
    try {
      LineReader reader = new LineReader(process.getInputStream());
      String line;
      while ((line = reader.readLine()) != null) {
        accept(line);
      }
    } catch (IOException e) {
      trace.record(lane, EventKind.STDERR, "[lost the worker's output: " + e.getMessage() + "]");
    } finally {
      recordExit();
    }
  }

  private void readStderr() {
    try (InputStream err = process.getErrorStream()) {
      LineReader reader = new LineReader(err);
      String line;
      while ((line = reader.readLine()) != null) {
        trace.record(lane, EventKind.STDERR, line);
      }
    } catch (IOException e) {
      LOG.debug("stderr of worker {} closed", pid(), e);
    }
  }

  /** Records one line from the child's stdout, as protocol when it is, else as printed text. */
  void accept(String line) {
    LineProtocol.Message message = LineProtocol.parse(line);
    if (message == null) {
      trace.record(lane, EventKind.PRINT, line);
      return;
    }
    long time = placeOnTimeline(message.time());
    switch (message.verb()) {
      case READY -> {
        // ready means idle: waiting for work on its stdin
        trace.recordAt(lane.id(), time, EventKind.STATE, LaneState.WAITING.ordinal(), "ready");
        listener.ready(this);
      }
      case PRINT -> trace.recordAt(lane.id(), time, EventKind.PRINT, 0, message.text());
      case MARK -> trace.recordAt(lane.id(), time, EventKind.MARKER, 0, message.text());
      case STATE -> trace.recordAt(lane.id(), time, EventKind.STATE, stateOrdinal(message.text()), "");
      case BEGIN -> trace.recordAt(lane.id(), time, EventKind.TASK_BEGIN, message.number(), labels.getOrDefault(message.number(), ""));
      case END -> {
        trace.recordAt(lane.id(), time, EventKind.TASK_END, message.number(), "");
        listener.taskEnded(this, message.number(), false);
      }
      case FAIL -> {
        trace.recordAt(lane.id(), time, EventKind.TASK_FAILED, message.number(), message.text());
        listener.taskEnded(this, message.number(), true);
      }
      case RUN -> trace.record(lane, EventKind.PRINT, line);
    }
  }

  private static long stateOrdinal(String name) {
    try {
      return LaneState.valueOf(name.trim()).ordinal();
    } catch (IllegalArgumentException e) {
      return LaneState.RUNNING.ordinal();
    }
  }

  /**
   * A child's clock reading is trusted only between the spawn and the arrival of its line, and
   * never earlier than its previous event.
   */
  private long placeOnTimeline(long childTime) {
    long arrival = trace.now();
    long placed = Math.min(Math.max(childTime, Math.max(spawnTime, lastChildTime)), arrival);
    lastChildTime = placed;
    return placed;
  }

  private void recordExit() {
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      status = -1;
    }
    try {
      listener.exited(this, status);
    } finally {
      end = trace.recordRef(lane, EventKind.END, status, askedToEnd && status == 0 ? STOPPED : describeExit(status));
      exit.complete(status);
    }
  }

  /** The end of a worker that ended because Stop asked it to. */
  public static final String STOPPED = AppText.of("end.process.stopped");

  /** "exit 0", "exit 3", or "killed by signal 9" (a JVM reports a signal as 128 + its number). */
  public static String describeExit(int status) {
    if (status > 128 && status < 160 && !System.getProperty("os.name").startsWith("Windows")) {
      return AppText.of("end.signal", status - 128);
    }
    return AppText.of("end.exit", status);
  }
}
