package concurrencylab.runtime.python;

import concurrencylab.runtime.ChildLauncher;
import concurrencylab.runtime.CancelledRunException;
import concurrencylab.runtime.LineReader;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TempFolders;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Python script run for real and traced onto a run's {@link Trace}: every process of it (the
 * first, children made by fork, spawn or forkserver, Pool workers) and every thread gets a lane.
 *
 * <p>The app starts a small supervisor ({@code python/_concurrencylab_supervisor.py}, untraced,
 * running none of the script's code) that starts the script with the tracer loaded through
 * PYTHONPATH. The supervisor's stdout is the record pipe that every traced process writes to; its
 * stdin is kept open by the app, and its end of file (Stop, or the app gone however it died) makes
 * the supervisor kill the whole process tree. {@link RunScope#cancel()} ends the run.
 */
public final class PythonRun implements RunScope.Part {
  private static final Logger LOG = LoggerFactory.getLogger(PythonRun.class);
  public static final int DEFAULT_MAX_PROCESSES = 64;
  /** How long the supervisor has to end the tree after Stop before the app kills what is left. */
  static final long KILL_AFTER_MILLIS = 800;
  /**
   * The supervisor's start: its module is imported (not run as a script) so that its compiled code
   * is kept, and it exits at once when done (its records are written unbuffered: nothing to tidy).
   */
  private static final String SUPERVISOR_START =
      "import os, sys; sys.path.insert(0, sys.argv[1]); import _concurrencylab_supervisor as s; os._exit(s.main(sys.argv[1:]))";

  /**
   * How a Python run is made: which interpreter, how many processes it may start, whether its
   * threads report each line of the script they run ({@code lines}: the code panel's marks, for a
   * slowed run), and a slow-motion pause after each such line ({@code stepMillis}, 0 for none).
   */
  public record Options(Path python, int maxProcesses, boolean lines, long stepMillis) {
    public Options {
      if (maxProcesses < 1) {
        throw new IllegalArgumentException("a run needs at least one process");
      }
      if (stepMillis < 0) {
        throw new IllegalArgumentException("a slow-motion step cannot be negative");
      }
    }

    /** Full speed, no lines reported. */
    public Options(Path python, int maxProcesses) {
      this(python, maxProcesses, false, 0);
    }

    /** The interpreter found on PATH (python3, then python), 64 processes at most. */
    public static Options found() {
      PythonFinder.Result result = PythonFinder.find();
      if (result instanceof PythonFinder.Found found) {
        return new Options(found.executable(), DEFAULT_MAX_PROCESSES);
      }
      throw new NoPythonException(((PythonFinder.NotFound) result).reason());
    }

    public Options withMaxProcesses(int max) {
      return new Options(python, max, lines, stepMillis);
    }

    /** Lines reported, or not; a step implies lines (the pause comes after each). */
    public Options withLines(boolean on) {
      return new Options(python, maxProcesses, on || stepMillis > 0, stepMillis);
    }

    /** Slow motion: a pause of {@code millis} after each line of the script (0: full speed). */
    public Options withStepMillis(long millis) {
      return new Options(python, maxProcesses, lines || millis > 0, millis);
    }
  }

  /** No interpreter to run the script with. */
  public static final class NoPythonException extends IllegalStateException {
    public NoPythonException(String reason) {
      super(reason);
    }
  }

  /**
   * How the run ended.
   *
   * @param status the first process's exit status (128 + N for signal N; -1 when never seen)
   * @param description "exit 0", "killed by signal 9", "stopped", "process limit reached"
   * @param stopped whether Stop (or the process limit) ended it
   * @param lines lines of output recorded, all processes together
   * @param records tracer records read
   */
  public record Result(int status, String description, boolean stopped, boolean limitReached, long lines, long records) {
    public boolean succeeded() {
      return status == 0 && !stopped;
    }
  }

  private final Trace trace;
  private final Lane starter;
  private final Path runDir;
  private final Process supervisor;
  private final OutputStream stdin;
  private final PythonTraceMapper mapper;
  private final PythonControl control;
  private final Runnable unfollowPause;
  private final CompletableFuture<Result> done = new CompletableFuture<>();
  private volatile boolean stopped;
  private volatile String limitMessage;
  private final MainThreadCpuSampler cpuSampler;

  private PythonRun(RunScope scope, Path runDir, Process supervisor, PythonControl control) {
    this.trace = scope.trace();
    this.starter = scope.main().lane();
    this.runDir = runDir;
    this.supervisor = supervisor;
    this.control = control;
    this.stdin = supervisor.getOutputStream();
    this.mapper = new PythonTraceMapper(trace, starter, new PythonTraceMapper.Listener() {
      @Override
      public void limitReached(String message) {
        limitMessage = message;
        cancel();
      }
    });
    this.cpuSampler = new MainThreadCpuSampler(trace, mapper::mainPid);
    // the tab's Pause and Step reach every process
    this.unfollowPause = scope.pauseGate().follow(control::setPaused, control::step);
  }

  /** Runs {@code source} (saved as {@code fileName} in a folder of the run's own) with the Python on PATH. */
  public static PythonRun start(RunScope scope, String source, List<String> args, Path workDir) {
    return startSource(scope, Options.found(), source, "script.py", args, workDir);
  }

  /** Runs the script text {@code source}; tracebacks name it {@code fileName}. */
  public static PythonRun startSource(RunScope scope, Options options, String source, String fileName, List<String> args, Path workDir) {
    Path runDir = createRunDir();
    Path script = runDir.resolve(Path.of(fileName).getFileName().toString());
    try {
      Files.writeString(script, source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      TempFolders.delete(runDir);
      throw new UncheckedIOException("could not write the script", e);
    }
    return launch(scope, options, runDir, script, args, workDir);
  }

  /** Runs the script file {@code script} as it is. */
  public static PythonRun startFile(RunScope scope, Options options, Path script, List<String> args, Path workDir) {
    return launch(scope, options, createRunDir(), script.toAbsolutePath(), args, workDir);
  }

  private static Path createRunDir() {
    return TempFolders.create("python-run");
  }

  private static PythonRun launch(RunScope scope, Options options, Path runDir, Path script, List<String> args, Path workDir) {
    if (scope.isCancelled()) {
      TempFolders.delete(runDir);
      throw new CancelledRunException();
    }
    Path tracer;
    PythonControl control;
    try {
      tracer = TracerFolder.get();
      control = PythonControl.create(runDir, options.lines(), options.stepMillis());
    } catch (UncheckedIOException | IllegalStateException e) {
      TempFolders.delete(runDir);
      throw e;
    }
    List<String> command = new ArrayList<>(List.of(
        options.python().toString(), "-I", "-S", "-c", SUPERVISOR_START,
        tracer.toString(), runDir.toString(), Integer.toString(options.maxProcesses()), workDir.toAbsolutePath().toString(),
        options.python().toString(), script.toString()));
    command.addAll(args);
    Process process;
    try {
      process = ChildLauncher.start(new ProcessBuilder(command).directory(workDir.toFile()));
    } catch (IOException e) {
      TempFolders.delete(runDir);
      throw new UncheckedIOException("could not start " + options.python(), e);
    }
    PythonRun run = new PythonRun(scope, runDir, process, control);
    scope.trace().state(scope.main().lane(), concurrencylab.trace.LaneState.WAITING); // the script does the work
    run.startReaders();
    scope.add(run);
    return run;
  }

  /** The name of the app's lane in a Python run: it starts the script and waits for it, doing none of its work. */
  public static final String APP_LANE = concurrencylab.trace.AppText.of("lane.app");

  private void startReaders() {
    Thread records = new Thread(this::readRecords, "python-records-" + supervisor.pid());
    Thread errors = new Thread(this::readSupervisorErrors, "python-supervisor-" + supervisor.pid());
    records.setDaemon(true);
    errors.setDaemon(true);
    cpuSampler.start("python-cpu-" + supervisor.pid());
    records.start();
    errors.start();
  }

  private void readRecords() {
    try (InputStream in = supervisor.getInputStream()) {
      LineReader reader = new LineReader(in);
      String line;
      while ((line = reader.readLine()) != null) {
        TracerRecord record = TracerRecord.parse(line);
        if (record == null) {
          mapper.notARecord(line);
        } else {
          mapper.accept(record);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("reading the Python run's records", e);
      trace.record(starter, EventKind.STDERR, "[lost the Python run's records: " + e + "]");
    } finally {
      finish();
    }
  }

  private void readSupervisorErrors() {
    try (InputStream err = supervisor.getErrorStream()) {
      LineReader reader = new LineReader(err);
      String line;
      while ((line = reader.readLine()) != null) {
        trace.record(starter, EventKind.STDERR, "[python supervisor] " + line);
      }
    } catch (IOException e) {
      LOG.debug("supervisor's stderr closed", e);
    }
  }

  private void finish() {
    int exit;
    try {
      exit = supervisor.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      supervisor.destroyForcibly();
      exit = -1;
    }
    boolean ended = stopped;
    cpuSampler.stop();
    mapper.finish(ended);
    String description;
    if (limitMessage != null) {
      description = "process limit reached";
    } else if (!mapper.done().isEmpty() && !(ended && mapper.done().equals("stopped"))) {
      description = ended && mapper.doneStatus() != 0 ? "stopped (" + mapper.done() + ")" : mapper.done();
    } else {
      description = ended ? "stopped" : "the supervisor ended with status " + exit;
    }
    int status = mapper.done().isEmpty() ? -1 : mapper.doneStatus();
    unfollowPause.run();
    TempFolders.delete(runDir);
    done.complete(new Result(status, description, ended, limitMessage != null, mapper.lines(), mapper.records()));
  }

  /** Ends the run's whole process tree: the supervisor kills it, and the app whatever is left after. */
  @Override
  public void cancel() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      stdin.close();
    } catch (IOException e) {
      LOG.debug("closing the supervisor's stdin", e);
    }
    Thread killer = new Thread(this::killWhatIsLeft, "python-stop-" + supervisor.pid());
    killer.setDaemon(true);
    killer.start();
  }

  private void killWhatIsLeft() {
    try {
      if (done.get(KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS) != null) {
        return;
      }
    } catch (TimeoutException e) {
      LOG.warn("the Python supervisor {} did not end the run in {} ms; killing it", supervisor.pid(), KILL_AFTER_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.debug("python run", e);
    }
    List<Long> live = mapper.livePids();
    supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
    supervisor.destroyForcibly();
    for (long pid : live) {
      // only processes of this run still: a PID whose process started before the run is another's
      ProcessHandle.of(pid)
          .filter(h -> h.info().startInstant().map(s -> !s.isBefore(trace.runInfo().startedAt().minusSeconds(1))).orElse(false))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Override
  public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      done.get(timeout, unit);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for the end of the run, and all it produced recorded. */
  public Result await() throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  public CompletableFuture<Result> done() {
    return done;
  }

  /** The run's control channel: pause, lines and slow motion, seen by every process of the run. */
  public PythonControl control() {
    return control;
  }

  /** How many threads of the run are held by a pause now, as their records said. */
  public int heldThreads() {
    return mapper.heldThreads();
  }

  /** The supervisor's PID: the parent (and, on Linux, the subreaper) of every process of the run. */
  public long supervisorPid() {
    return supervisor.pid();
  }

  /** The first process of the script, once it has started; empty before. */
  public Optional<Long> mainPid() {
    long pid = mapper.mainPid();
    return pid > 0 ? Optional.of(pid) : Optional.empty();
  }
}
