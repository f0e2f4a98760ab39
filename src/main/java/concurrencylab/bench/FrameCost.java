package concurrencylab.bench;

import concurrencylab.trace.Trace;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.timeline.TimelineCanvas;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;

/**
 * The cost of one timeline frame at 1920×1080 over 64 lanes, off-screen: the canvas commands the
 * timeline issues ({@link TimelineCanvas#paint()} on the FX thread) plus their rasterization, which
 * a snapshot forces to happen at once (in software: headless JavaFX has no GPU pipeline). The
 * snapshot reads back a single pixel, so the figure is the frame's drawing and not the cost of
 * copying an image out. Zoomed to fit the whole run and to 1 % of it, from 10k to 10M events.
 */
final class FrameCost {
  static final int WIDTH = 1920;
  static final int HEIGHT = 1080;
  static final int LANES = 64;
  /** The frame interval at 60 Hz, which the bench's frame figures are divided by. */
  static final double FRAME_INTERVAL_MS = 1000.0 / 60;

  private final int frames;

  FrameCost(int frames) {
    this.frames = frames;
  }

  List<Figure> measure(long events) throws Exception {
    return measure(events, 0);
  }

  /**
   * The same frames over a run whose lanes are also linked every {@code linkEvery} events (see
   * {@link SyntheticTrace#build(long, int, int)}): what drawing the links' arrows adds.
   */
  List<Figure> measure(long events, int linkEvery) throws Exception {
    String size = Figure.label(events) + (linkEvery > 0 ? "_links" : "");
    Trace trace = SyntheticTrace.build(events, LANES, linkEvery);
    HeadlessFx.start();
    return HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), WIDTH, HEIGHT);
      canvas.resize(WIDTH, HEIGHT);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      List<Figure> figures = new ArrayList<>();
      figures.addAll(timeFrames(canvas, "frame_cost_" + size + "_fit"));
      long span = canvas.viewEnd() - canvas.viewStart();
      long middle = SyntheticTrace.RUN_NANOS / 2;
      canvas.setView(middle, middle + span / 100);
      figures.addAll(timeFrames(canvas, "frame_cost_" + size + "_zoom1pct"));
      return figures;
    });
  }

  /**
   * The targeted figures, from the medians measured: a frame at 1 M events ÷ the frame interval
   * (≤ 0.5), at 1 M ÷ at 10 k events in the same view (≤ 1.2×), at 10 M ÷ the frame interval
   * (≤ 1.0); each only when its sizes were measured.
   */
  static List<Figure> ratios(List<Figure> measured) {
    List<Figure> ratios = new ArrayList<>();
    for (String view : List.of("fit", "zoom1pct")) {
      double at10k = median(measured, "10k", view);
      double at1m = median(measured, "1m", view);
      double at10m = median(measured, "10m", view);
      if (!Double.isNaN(at1m)) {
        ratios.add(Figure.ratioAtMost("frame_1m_" + view + "_to_frame_interval", at1m, FRAME_INTERVAL_MS, 0.5));
      }
      if (!Double.isNaN(at1m) && !Double.isNaN(at10k)) {
        ratios.add(Figure.ratioAtMost("frame_1m_to_10k_" + view, at1m, at10k, 1.2));
      }
      if (!Double.isNaN(at10m)) {
        ratios.add(Figure.ratioAtMost("frame_10m_" + view + "_to_frame_interval", at10m, FRAME_INTERVAL_MS, 1.0));
      }
    }
    return ratios;
  }

  private static double median(List<Figure> measured, String size, String view) {
    String name = "frame_cost_" + size + "_" + view + "_median";
    return measured.stream().filter(f -> f.name().equals(name)).mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
  }

  /**
   * Draws warm-up frames, then the measured ones. Each sample is the paint (the canvas commands,
   * built on the FX thread) plus their rasterization; the paint alone is reported too, as it is the
   * part that does not depend on the graphics pipeline, and the CPU time the FX and render threads
   * spent per frame, which other load on the machine disturbs less than the wall time.
   */
  private List<Figure> timeFrames(TimelineCanvas canvas, String name) {
    SnapshotParameters onePixel = new SnapshotParameters();
    onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
    Samples frameTimes = new Samples();
    Samples paintTimes = new Samples();
    Samples cpuTimes = new Samples();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long fxThread = Thread.currentThread().getId();
    long renderThread = renderThreadId();
    int warmUp = Math.max(60, frames); // the first sizes measured would otherwise pay for the JIT
    for (int i = 0; i < warmUp + frames; i++) {
      long cpuBefore = threads.getThreadCpuTime(fxThread) + threads.getThreadCpuTime(renderThread);
      long start = System.nanoTime();
      canvas.paint();
      long painted = System.nanoTime();
      canvas.snapshot(onePixel, null);
      long drawn = System.nanoTime();
      long cpuAfter = threads.getThreadCpuTime(fxThread) + threads.getThreadCpuTime(renderThread);
      if (i >= warmUp) {
        frameTimes.add((drawn - start) / 1e6);
        paintTimes.add((painted - start) / 1e6);
        cpuTimes.add((cpuAfter - cpuBefore) / 1e6);
      }
    }
    return List.of(
        Figure.of(name + "_median", frameTimes.median(), "ms"),
        Figure.of(name + "_p99", frameTimes.percentile(99), "ms"),
        Figure.of(name + "_paint_only_median", paintTimes.median(), "ms"),
        Figure.of(name + "_cpu_median", cpuTimes.median(), "ms"));
  }

  /** JavaFX's render thread, which rasterizes the canvas; the FX thread's id when not found. */
  private static long renderThreadId() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
        .mapToLong(Thread::getId)
        .findFirst()
        .orElse(Thread.currentThread().getId());
  }
}
