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
 * The Python tracer's cost: wall time of one sleep-bound script of the chapter's kind (threads that
 * print and sleep, as in the Thread lesson) run traced (supervisor, tracer, records onto a Trace)
 * and untraced ({@code python -u script.py}), alternating round by round; medians and their ratio.
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
      Path script = Files.writeString(dir.resolve("threads.py"), SCRIPT);
      Samples traced = new Samples();
      Samples plain = new Samples();
      untraced(python, script, dir); // the first start also warms the disk cache: not measured
      traced(python, script, dir);
      for (int round = 0; round < rounds; round++) {
        plain.add(untraced(python, script, dir));
        traced.add(traced(python, script, dir));
      }
      notes.add("python tracer overhead measured with " + python + " " + ((PythonFinder.Found) found).version());
      return List.of(
          Figure.of("python_sleep_bound_untraced_median", plain.median(), "ms"),
          Figure.of("python_sleep_bound_traced_median", traced.median(), "ms"),
          Figure.atMost("python_tracer_overhead_sleep_bound", traced.median() / plain.median(), "x", 1.1));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
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

  private static double traced(Path python, Path script, Path dir) throws Exception {
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "bench");
    long start = System.nanoTime();
    PythonRun.Result result = PythonRun.startFile(scope, new PythonRun.Options(python, PythonRun.DEFAULT_MAX_PROCESSES), script, List.of(), dir).await();
    double millis = (System.nanoTime() - start) / 1e6;
    if (!result.succeeded() || result.lines() != 41) {
      throw new IOException("the traced script failed: " + result);
    }
    return millis;
  }
}
