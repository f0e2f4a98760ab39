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

  private final int rounds;

  WorkerSpawn(int rounds) {
    this.rounds = rounds;
  }

  List<Figure> measure(List<String> notes) throws Exception {
    Samples java = new Samples();
    Samples python = new Samples();
    Path script = pythonScript();
    String pythonProblem = null;
    boolean archived = WorkerCommand.forOrigin(0).stream().anyMatch(part -> part.startsWith("-XX:SharedArchiveFile="));
    notes.add(archived ? "workers start with the class-data archive made by the build" : "workers start without a class-data archive (none made for this jar and java)");
    spawnJava(); // the first spawn of a JVM also loads the parent's classes: not measured
    for (int round = 0; round < rounds; round++) {
      java.add(spawnJava());
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
    if (pythonProblem != null) {
      notes.add("python3 spawn comparison skipped: " + pythonProblem);
      return figures;
    }
    figures.add(Figure.of("worker_spawn_8_python_median", python.median(), "ms"));
    figures.add(Figure.atMost("worker_spawn_8_ratio_java_to_python", java.median() / python.median(), "x", 1.0));
    return figures;
  }

  /** Starts 8 workers at once and waits until all are ready; then ends them and waits for that. */
  private static double spawnJava() throws InterruptedException {
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
    boolean allReady = ready.await(60, TimeUnit.SECONDS);
    double millis = (System.nanoTime() - start) / 1e6;
    workers.forEach(WorkerProcess::closeInput);
    for (WorkerProcess worker : workers) {
      if (!worker.join(10, TimeUnit.SECONDS)) {
        worker.kill();
      }
    }
    if (!allReady) {
      throw new IllegalStateException("workers did not report ready within 60 s");
    }
    return millis;
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
