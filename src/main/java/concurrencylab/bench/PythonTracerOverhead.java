package concurrencylab.bench;

import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.python.PythonFinder;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.Trace;
import java.io.IOException;
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
 * ratio. Two scripts: a sleep-bound one of the chapter's kind (threads that print and sleep, as in
 * the Thread lesson, ≤ 1.1×) and a CPU-bound loop in one thread (≤ 1.3×). The tracer has no line
 * tracing (it never calls {@code sys.settrace}), so "line tracing off" is the only way it runs.
 */
final class PythonTracerOverhead {
  static final String SCRIPT = String.join("\n",
      "import threading, time",
      "def fetch(name):",
      "    for u in range(10):",
      "        print(name, '---->>> url', u)",
      "        time.sleep(0.02)",
      "ts = [threading.Thread(target=fetch, args=(f'Thread-{t}',), name=f'Thread-{t}') for t in range(4)]",
      "for t in ts: t.start()",
      "for t in ts: t.join()",
      "print('done')",
      "");
  static final String CPU_SCRIPT = String.join("\n",
      "total = 0",
      "for i in range(3_000_000):",
      "    total += i * i % 7",
      "print('total', total)",
      "");

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
      List<Figure> figures = new ArrayList<>();
      figures.addAll(compare(python, Files.writeString(dir.resolve("threads.py"), SCRIPT), 41, dir, "sleep_bound", 1.1));
      figures.addAll(compare(python, Files.writeString(dir.resolve("loop.py"), CPU_SCRIPT), 1, dir, "cpu_bound", 1.3));
      notes.add("python tracer overhead measured with " + python + " " + ((PythonFinder.Found) found).version()
          + "; line tracing on: not measured, the tracer has no line tracing");
      return figures;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private List<Figure> compare(Path python, Path script, long lines, Path dir, String name, double target) throws Exception {
    Samples traced = new Samples();
    Samples plain = new Samples();
    untraced(python, script, dir); // the first start also warms the disk cache: not measured
    traced(python, script, lines, dir);
    for (int round = 0; round < rounds; round++) {
      plain.add(untraced(python, script, dir));
      traced.add(traced(python, script, lines, dir));
    }
    return List.of(
        Figure.ratioAtMost("python_tracer_overhead_" + name, traced.median(), plain.median(), target),
        Figure.of("python_" + name + "_untraced_median", plain.median(), "ms"),
        Figure.of("python_" + name + "_traced_median", traced.median(), "ms"));
  }

  private static double untraced(Path python, Path script, Path dir) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(python.toString(), "-u", script.toString()).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("the untraced script failed");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static double traced(Path python, Path script, long lines, Path dir) throws Exception {
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "bench");
    long start = System.nanoTime();
    PythonRun.Result result = PythonRun.startFile(scope, new PythonRun.Options(python, PythonRun.DEFAULT_MAX_PROCESSES), script, List.of(), dir).await();
    double millis = (System.nanoTime() - start) / 1e6;
    if (!result.succeeded() || result.lines() != lines) {
      throw new IOException("the traced script failed: " + result);
    }
    return millis;
  }
}
