package concurrencylab.bench;

import concurrencylab.runtime.WorkerCommand;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wall time from asking for 8 worker processes until all 8 have reported ready, the app's way
 * ({@link WorkerProcess#start}) and Python's ({@code multiprocessing} with the "spawn" start
 * method, until each child has run its target), alternating round by round so both see the same
 * machine. Medians, and their ratio.
 */
final class WorkerSpawn {
  static final int WORKERS = 8;
  static final double TARGET_RATIO = 0.75;
  static final String PROBE_FLAG = "--spawn-probe";

  private final int rounds;

  WorkerSpawn(int rounds) {
    this.rounds = rounds;
  }

  List<Figure> measure(List<String> notes) throws Exception {
    Samples java = new Samples();
    Samples javaStarted = new Samples();
    Samples python = new Samples();
    Path script = pythonScript();
    String pythonProblem = null;
    boolean archived = WorkerCommand.forOrigin(0).stream().anyMatch(part -> part.startsWith("-XX:SharedArchiveFile="));
    notes.add(archived ? "workers start with the class-data archive made by the build" : "workers start without a class-data archive (none made for this jar and java)");
    spawnJava(); // the first spawn of a JVM also loads the parent's classes: not measured
    for (int round = 0; round < rounds; round++) {
      JavaRound measured = spawnJava();
      java.add(measured.readyMillis());
      javaStarted.add(measured.startedMillis());
      if (pythonProblem == null) {
        try {
          python.add(spawnPython(script));
        } catch (IOException e) {
          pythonProblem = e.getMessage();
        }
      }
    }
    Files.deleteIfExists(script);
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of("worker_spawn_8_java_median", java.median(), "ms"));
    figures.add(Figure.of("worker_spawn_8_java_started_median", javaStarted.median(), "ms"));
    if (pythonProblem != null) {
      notes.add("python3 spawn comparison skipped: " + pythonProblem);
      return figures;
    }
    figures.add(Figure.of("worker_spawn_8_python_median", python.median(), "ms"));
    figures.add(Figure.ratioAtMost("worker_spawn_8_ratio_java_to_python", java.median(), python.median(), TARGET_RATIO));
    return figures;
  }

  /**
   * The same measurement in the installed app: its launcher runs {@code bench --spawn-probe}, which
   * measures there (its runtime's java, its jars, its worker archive) and prints the lines, read here.
   */
  List<Figure> measureInstalled(InstalledApp installed, List<String> notes) throws IOException, InterruptedException {
    Process probe = ProcessTimeout.endAfter(
        new ProcessBuilder(installed.launcher().toString(), BenchCommand.NAME, PROBE_FLAG, Integer.toString(rounds)).redirectErrorStream(true).start(), 300);
    List<String> lines = readLines(probe.getInputStream());
    probe.waitFor(60, TimeUnit.SECONDS);
    List<Figure> figures = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (line.startsWith("# ")) {
        notes.add("installed: " + line.substring(2));
      } else if (fields.length >= 3 && fields[0].startsWith("worker_spawn_8_")) {
        String name = fields[0].replace("worker_spawn_8_", "worker_spawn_8_installed_");
        double value = Double.parseDouble(fields[1]);
        figures.add(name.contains("_ratio_") ? Figure.atMost(name, value, fields[2], TARGET_RATIO) : Figure.of(name, value, fields[2]));
      }
    }
    if (figures.isEmpty()) {
      throw new IOException("the installed app's spawn probe printed no figures: " + String.join(" | ", lines));
    }
    return figures;
  }

  /** The probe's side, run by the installed launcher: the figures and notes, as the bench prints them. */
  static void probe(int rounds, java.io.PrintStream out) throws Exception {
    List<String> notes = new ArrayList<>();
    for (Figure figure : new WorkerSpawn(rounds).measure(notes)) {
      out.println(figure.line());
    }
    notes.forEach(note -> out.println("# " + note));
    out.flush();
  }

  /**
   * One round of ours: from asking for the first worker until the app has started all 8 processes
   * (its part, one after another as the pool does), and until all 8 have reported ready.
   */
  private record JavaRound(double startedMillis, double readyMillis) {}

  /** Starts 8 workers at once and waits until all are ready; then ends them and waits for that. */
  private static JavaRound spawnJava() throws InterruptedException {
    Trace trace = new Trace();
    Lane parent = trace.addLane("bench", LaneKind.PROCESS, ProcessHandle.current().pid(), Lane.NO_PARENT);
    CountDownLatch ready = new CountDownLatch(WORKERS);
    WorkerProcess.Listener listener = new WorkerProcess.Listener() {
      @Override
      public void ready(WorkerProcess worker) {
        ready.countDown();
      }
    };
    List<WorkerProcess> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < WORKERS; i++) {
      workers.add(WorkerProcess.start(trace, "worker-" + i, parent, listener));
    }
    long started = System.nanoTime();
    boolean allReady = ready.await(60, TimeUnit.SECONDS);
    long end = System.nanoTime();
    workers.forEach(WorkerProcess::closeInput);
    for (WorkerProcess worker : workers) {
      if (!worker.join(10, TimeUnit.SECONDS)) {
        worker.kill();
      }
    }
    if (!allReady) {
      throw new IllegalStateException("workers did not report ready within 60 s");
    }
    return new JavaRound((started - start) / 1e6, (end - start) / 1e6);
  }

  /** One round of the Python script, after an unmeasured one that warms its parent up as ours is. */
  private static double spawnPython(Path script) throws IOException, InterruptedException {
    int pythonRounds = 2;
    Process python;
    try {
      python = new ProcessBuilder("python3", script.toString(), Integer.toString(WORKERS), Integer.toString(pythonRounds))
          .redirectErrorStream(true)
          .start();
      ProcessTimeout.endAfter(python, 120);
    } catch (IOException e) {
      throw new IOException("no python3 on PATH (" + e.getMessage() + ")");
    }
    List<String> lines = readLines(python.getInputStream());
    if (!python.waitFor(120, TimeUnit.SECONDS) || python.exitValue() != 0 || lines.size() != pythonRounds) {
      python.destroyForcibly();
      throw new IOException("python3 did not run the spawn script: " + String.join(" | ", lines));
    }
    return Double.parseDouble(lines.get(lines.size() - 1));
  }

  private static List<String> readLines(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static Path pythonScript() throws IOException {
    Path script = Files.createTempFile("concurrency-lab-spawn", ".py");
    try (InputStream source = WorkerSpawn.class.getResourceAsStream("spawn8.py")) {
      Files.write(script, source.readAllBytes());
    }
    return script;
  }
}
