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
 * Resident memory (RSS, from /proc, so Linux only): of an app process that recorded a run of
 * 1,000,000 events from 64 threads and drew it on its timeline (a fresh JVM with the app's default
 * settings, so nothing else the bench did is counted), and of one idle worker process.
 */
final class MemoryFootprint {
  static final String PROBE_FLAG = "--memory-probe";
  private static final String PROBE_OUTPUT = "rss-kb ";

  private final long events;

  MemoryFootprint(long events) {
    this.events = events;
  }

  List<Figure> measure(List<String> notes) throws Exception {
    if (!Files.isReadable(Path.of("/proc/self/status"))) {
      notes.add("memory figures skipped: no /proc on this system");
      return List.of();
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of("memory_rss_app_after_" + Figure.label(events) + "_event_run", appAfterRun() / 1024.0, "MiB"));
    figures.add(Figure.of("memory_rss_idle_worker", idleWorker() / 1024.0, "MiB"));
    return figures;
  }

  private long appAfterRun() throws IOException, InterruptedException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "concurrencylab.Main", BenchCommand.NAME, PROBE_FLAG, Long.toString(events));
    Process probe = ProcessTimeout.endAfter(new ProcessBuilder(command).redirectErrorStream(true).start(), 120);
    Long kb = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(PROBE_OUTPUT)) {
          kb = Long.parseLong(line.substring(PROBE_OUTPUT.length()).trim());
        } else if (output.size() < 20) {
          output.add(line);
        }
      }
    }
    probe.waitFor(60, TimeUnit.SECONDS);
    if (kb == null) {
      throw new IOException("the memory probe did not report: " + String.join(" | ", output));
    }
    return kb;
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
   * and drawn once at 1920×1080, then its RSS after a garbage collection.
   */
  static void probe(long events) throws Exception {
    HeadlessFx.start();
    Trace trace = new RecordThroughput((int) (events / RecordThroughput.PRODUCERS)).recordRun();
    HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.resize(FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.paint();
      canvas.snapshot(null, null);
      return null;
    });
    System.gc();
    Thread.sleep(200);
    System.out.println(PROBE_OUTPUT + residentKb(ProcessHandle.current().pid()).orElse(-1L));
    System.out.flush();
  }
}
