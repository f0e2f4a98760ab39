package concurrencylab.bench;

import concurrencylab.trace.Trace;
import concurrencylab.ui.HeadlessFx;
import concurrencylab.ui.I18n;
import concurrencylab.ui.TimelineCanvas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;

/**
 * The cost of one timeline frame at 1920×1080, off-screen: the canvas commands the timeline issues
 * ({@link TimelineCanvas#paint()} on the FX thread) plus their rasterization, which a snapshot
 * forces to happen at once. The snapshot reads back a single pixel, so the figure is the frame's
 * drawing and not the cost of copying an image out.
 */
final class FrameCost {
  static final int WIDTH = 1920;
  static final int HEIGHT = 1080;
  static final int LANES = 64;
  static final double TARGET_MS = 8;

  private final int frames;

  FrameCost(int frames) {
    this.frames = frames;
  }

  List<Figure> measure(long events) throws Exception {
    String size = Figure.label(events);
    Trace trace = SyntheticTrace.build(events, LANES);
    HeadlessFx.start();
    return HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), WIDTH, HEIGHT);
      canvas.resize(WIDTH, HEIGHT);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      List<Figure> figures = new ArrayList<>();
      Samples fit = timeFrames(canvas);
      long span = canvas.viewEnd() - canvas.viewStart();
      long middle = SyntheticTrace.RUN_NANOS / 2;
      canvas.setView(middle, middle + span / 100);
      Samples zoomed = timeFrames(canvas);
      boolean gated = events == 1_000_000;
      figures.add(figure("frame_cost_" + size + "_fit_median", fit.median(), gated));
      figures.add(Figure.of("frame_cost_" + size + "_fit_p99", fit.percentile(99), "ms"));
      figures.add(figure("frame_cost_" + size + "_zoom1pct_median", zoomed.median(), gated));
      figures.add(Figure.of("frame_cost_" + size + "_zoom1pct_p99", zoomed.percentile(99), "ms"));
      return figures;
    });
  }

  private static Figure figure(String name, double value, boolean gated) {
    return gated ? Figure.atMost(name, value, "ms", TARGET_MS) : Figure.of(name, value, "ms");
  }

  /** Draws warm-up frames, then the measured ones; each sample is paint plus rasterization. */
  private Samples timeFrames(TimelineCanvas canvas) {
    SnapshotParameters onePixel = new SnapshotParameters();
    onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
    Samples samples = new Samples();
    for (int i = 0; i < frames + Math.max(5, frames / 4); i++) {
      long start = System.nanoTime();
      canvas.paint();
      canvas.snapshot(onePixel, null);
      double millis = (System.nanoTime() - start) / 1e6;
      if (i >= Math.max(5, frames / 4)) {
        samples.add(millis);
      }
    }
    return samples;
  }
}
