package concurrencylab.bench;

import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.python.PythonFinder;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Python tracer's cost: wall time of a script run traced (supervisor, tracer, records onto a
 * Trace) and untraced ({@code python -u script.py}), alternating round by round; medians and their
 * ratio. A sleep-bound script of the chapter's kind and length (its Thread example: threads that
 * print and sleep, ≤ 1.1×) and a CPU-bound loop in one thread ({@code python/bench/cpu_loop.py}), traced
 * as a full-speed run is, with line tracing off (≤ 1.3×), and traced as a slowed run is, with line
 * tracing on (every line of the script reported: a record per line; reported, no target), on a
 * shorter loop and in fewer rounds, for it is slow.
 */
final class PythonTracerOverhead {
  /**
   * The chapter's Thread example in our words: two threads each fetch three "urls", sleeping the
   * mean of the chapter's {@code random()} (0.5 s) after each, so it runs for about as long.
   */
  static final String SCRIPT = String.join("\n",
      "import threading, time",
      "def fetch(urls):",
      "    name = threading.current_thread().name",
      "    print(name, 'is running...')",
      "    for url in urls:",
      "        print(name, '---->>>', url)",
      "        time.sleep(0.5)",
      "    print(name, 'ended.')",
      "print('main is running...')",
      "ts = [threading.Thread(target=fetch, args=([f'url_{3 * t + u + 1}' for u in range(3)],), name=f'Thread_{t + 1}')",
      "      for t in range(2)]",
      "for t in ts: t.start()",
      "for t in ts: t.join()",
      "print('main ended.')",
      "");
  static final long SCRIPT_LINES = 12;
  static final String CPU_SCRIPT = "cpu_loop.py";
  static final String CPU_ITERATIONS = "3000000";
  static final String CPU_ITERATIONS_LINES = "300000";
  static final int LINES_ROUNDS = 3;

  private final int rounds;

  PythonTracerOverhead(int rounds) {
    this.rounds = rounds;
  }

  List<Figure> measure(List<String> notes) throws Exception {
    PythonFinder.Result found = PythonFinder.find();
    if (found instanceof PythonFinder.NotFound none) {
      notes.add("python tracer overhead skipped: " + none.reason());
      return List.of();
    }
    Path python = ((PythonFinder.Found) found).executable();
    Path dir = Files.createTempDirectory("concurrencylab-bench-python-");
    try {
      PythonRun.Options full = new PythonRun.Options(python, PythonRun.DEFAULT_MAX_PROCESSES);
      Path threads = Files.writeString(dir.resolve("threads.py"), SCRIPT);
      Path loop = benchScript(dir, CPU_SCRIPT);
      List<Figure> figures = new ArrayList<>();
      figures.addAll(compare(new Run(full, threads, List.of(), SCRIPT_LINES), dir, "sleep_bound", 1.1, rounds));
      figures.addAll(compare(new Run(full, loop, List.of(CPU_ITERATIONS), 1), dir, "cpu_bound", 1.3, rounds));
      figures.addAll(compare(new Run(full.withLines(true), loop, List.of(CPU_ITERATIONS_LINES), 1), dir, "cpu_bound_lines",
          Double.NaN, Math.min(rounds, LINES_ROUNDS)));
      notes.add("python tracer overhead measured with " + python + " " + ((PythonFinder.Found) found).version()
          + "; line tracing on: the loop of " + CPU_ITERATIONS_LINES + " iterations (off: " + CPU_ITERATIONS + "), "
          + Math.min(rounds, LINES_ROUNDS) + " rounds");
      return figures;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One script run the same way each round: how it is traced, its arguments, the lines it prints. */
  private record Run(PythonRun.Options options, Path script, List<String> args, long lines) {}

  private static Path benchScript(Path dir, String name) throws IOException {
    try (InputStream in = PythonTracerOverhead.class.getResourceAsStream("/concurrencylab/python/bench/" + name)) {
      if (in == null) {
        throw new IOException("the bench script " + name + " is missing from the app");
      }
      Path script = dir.resolve(name);
      Files.copy(in, script);
      return script;
    }
  }

  private List<Figure> compare(Run run, Path dir, String name, double target, int times) throws Exception {
    Samples traced = new Samples();
    Samples plain = new Samples();
    untraced(run, dir); // the first start also warms the disk cache: not measured
    traced(run, dir);
    for (int round = 0; round < times; round++) {
      plain.add(untraced(run, dir));
      traced.add(traced(run, dir));
    }
    Figure ratio = Double.isNaN(target)
        ? Figure.of("python_tracer_overhead_" + name, traced.median() / plain.median(), "x")
        : Figure.ratioAtMost("python_tracer_overhead_" + name, traced.median(), plain.median(), target);
    return List.of(
        ratio,
        Figure.of("python_" + name + "_untraced_median", plain.median(), "ms"),
        Figure.of("python_" + name + "_traced_median", traced.median(), "ms"));
  }

  private static double untraced(Run run, Path dir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(run.options().python().toString(), "-u", run.script().toString()));
    command.addAll(run.args());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("the untraced script failed");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static double traced(Run run, Path dir) throws Exception {
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "bench");
    long start = System.nanoTime();
    PythonRun.Result result = PythonRun.startFile(scope, run.options(), run.script(), run.args(), dir).await();
    double millis = (System.nanoTime() - start) / 1e6;
    if (!result.succeeded() || result.lines() != run.lines()) {
      throw new IOException("the traced script failed: " + result);
    }
    return millis;
  }
}
