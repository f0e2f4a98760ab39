package concurrencylab.bench;

import concurrencylab.runtime.WorkerProcess;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.timeline.TimelineCanvas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Resident memory (RSS, from /proc, so Linux only) of an app process that recorded a run of
 * 1,000,000 events from 64 threads and drew it on its timeline, divided by the same process idle
 * after start (toolkit up, an empty timeline drawn): both fresh JVMs with the app's default
 * settings and the launcher's JVM flags ({@link AppJvmFlags}), started and measured the same way
 * one after the other (the medians of a few such pairs), so nothing else the bench did is counted. Each also reports its Java heap in use after a collection, which says how much of the
 * difference is the run's own data and how much the JVM's reserve. And one idle worker process.
 */
final class MemoryFootprint {
  static final String PROBE_FLAG = "--memory-probe";
  private static final String PROBE_OUTPUT = "rss-kb ";
  private static final String HEAP_OUTPUT = "heap-used-kb ";
  static final double TARGET_RATIO = 2;

  private final long events;
  private final int runs;

  MemoryFootprint(long events, int runs) {
    this.events = events;
    this.runs = runs;
  }

  List<Figure> measure(List<String> notes) throws Exception {
    if (!Files.isReadable(Path.of("/proc/self/status"))) {
      notes.add("memory figures skipped: no /proc on this system");
      return List.of();
    }
    String run = Figure.label(events) + "_event_run";
    // a process's RSS moves by some 10 % from one start to the next (what the JIT compiled and when,
    // what the collector kept): the medians of a few starts of each, taken in turn
    Samples idleRss = new Samples();
    Samples afterRss = new Samples();
    Samples idleHeap = new Samples();
    Samples afterHeap = new Samples();
    for (int i = 0; i < runs; i++) {
      long[] idle = app(0);
      long[] afterRun = app(events);
      idleRss.add(idle[0]);
      afterRss.add(afterRun[0]);
      idleHeap.add(idle[1]);
      afterHeap.add(afterRun[1]);
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.ratioAtMost("memory_rss_ratio_after_" + run + "_to_idle", afterRss.median(), idleRss.median(), TARGET_RATIO));
    figures.add(Figure.of("memory_rss_app_idle", idleRss.median() / 1024.0, "MiB"));
    figures.add(Figure.of("memory_rss_app_after_" + run, afterRss.median() / 1024.0, "MiB"));
    figures.add(Figure.of("memory_heap_used_app_idle", idleHeap.median() / 1024.0, "MiB"));
    figures.add(Figure.of("memory_heap_used_app_after_" + run, afterHeap.median() / 1024.0, "MiB"));
    figures.add(Figure.of("memory_rss_idle_worker", idleWorker() / 1024.0, "MiB"));
    return figures;
  }

  /** RSS and heap used (KiB) of a fresh app process after a run of {@code events} (0: idle). */
  private long[] app(long events) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(AppJvmFlags.list()); // the app's heap policy: what it keeps after a run
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "concurrencylab.Main", BenchCommand.NAME, PROBE_FLAG, Long.toString(events)));
    Process probe = ProcessTimeout.endAfter(new ProcessBuilder(command).redirectErrorStream(true).start(), 120);
    Long kb = null;
    long heapKb = -1;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(PROBE_OUTPUT)) {
          kb = Long.parseLong(line.substring(PROBE_OUTPUT.length()).trim());
        } else if (line.startsWith(HEAP_OUTPUT)) {
          heapKb = Long.parseLong(line.substring(HEAP_OUTPUT.length()).trim());
        } else if (output.size() < 20) {
          output.add(line);
        }
      }
    }
    probe.waitFor(60, TimeUnit.SECONDS);
    if (kb == null) {
      throw new IOException("the memory probe did not report: " + String.join(" | ", output));
    }
    return new long[] {kb, heapKb};
  }

  private static long idleWorker() throws Exception {
    Trace trace = new Trace();
    Lane parent = trace.addLane("bench", LaneKind.PROCESS, ProcessHandle.current().pid(), Lane.NO_PARENT);
    CountDownLatch ready = new CountDownLatch(1);
    WorkerProcess worker = WorkerProcess.start(trace, "idle", parent, new WorkerProcess.Listener() {
      @Override
      public void ready(WorkerProcess w) {
        ready.countDown();
      }
    });
    try {
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the worker did not start");
      }
      Thread.sleep(500); // idle: waiting for a task on its stdin
      return residentKb(worker.pid()).orElseThrow(() -> new IOException("no RSS for the worker"));
    } finally {
      worker.closeInput();
      if (!worker.join(10, TimeUnit.SECONDS)) {
        worker.kill();
      }
    }
  }

  /**
   * This process's RSS once it has settled: the collector gives the heap it freed back to the
   * system from a thread of its own, in steps over the next few hundred milliseconds (a fixed 200 ms
   * wait read anything from 176 to 218 MiB after the same run). Read every 100 ms until five readings
   * in a row are within 256 KiB of each other, for at most 5 s.
   */
  private static long settledResidentKb() throws IOException, InterruptedException {
    long pid = ProcessHandle.current().pid();
    java.util.ArrayDeque<Long> recent = new java.util.ArrayDeque<>();
    for (int i = 0; i < 50; i++) {
      recent.addLast(residentKb(pid).orElse(-1L));
      if (recent.size() > 5) {
        recent.removeFirst();
      }
      if (recent.size() == 5 && java.util.Collections.max(recent) - java.util.Collections.min(recent) < 256) {
        break;
      }
      Thread.sleep(100);
    }
    return recent.getLast();
  }

  /** VmRSS of a process in KiB, from /proc. */
  static Optional<Long> residentKb(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
      }
    }
    return Optional.empty();
  }

  /**
   * The probe's side, in its own JVM: a run of {@code events} events recorded by 64 threads, synced
   * and drawn once at 1920×1080 (none: an empty timeline drawn), then its RSS and heap in use after
   * a garbage collection.
   */
  static void probe(long events) throws Exception {
    HeadlessFx.start();
    Trace trace = events > 0 ? new RecordThroughput((int) (events / RecordThroughput.PRODUCERS)).recordRun() : new Trace();
    // the drawn timeline stays reachable until measured, as it does in the window
    TimelineCanvas shown = HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.resize(FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.paint();
      canvas.snapshot(null, null);
      return canvas;
    });
    System.gc();
    Runtime heap = Runtime.getRuntime();
    System.out.println(HEAP_OUTPUT + (heap.totalMemory() - heap.freeMemory()) / 1024);
    System.out.println(PROBE_OUTPUT + settledResidentKb());
    System.out.flush();
    java.lang.ref.Reference.reachabilityFence(shown);
    java.lang.ref.Reference.reachabilityFence(trace);
  }
}
