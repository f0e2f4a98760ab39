package concurrencylab.bench;

import concurrencylab.runtime.WorkerContext;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.runtime.WorkerTask;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.timeline.TimelineCanvas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;

/**
 * Print → pixel: child processes print lines at random moments; once per frame, as the window
 * does, the timeline drains what arrived and draws it. A line's latency runs from the moment the
 * child wrote it (its own clock, on the run's time base) to the end of the frame that first drew
 * it, rasterization included (a snapshot forces it before the clock is read). Beside it: the
 * interval between frames (a line waits up to one for the next frame) and the frame's own work,
 * split into its parts: the drain ({@code Trace.sync}), the paint (the canvas commands) and their
 * rasterization. The targets: no line missed, and p99 at most 4 ms over the measured interval.
 *
 * <p>The targets are the window's steady state: the children first print a quarter as many lines
 * unmeasured, as a lecturer's first run warms the drawing code up (the JIT compiles it) for the
 * runs after it. That first round's p99 is printed too, without a target.
 */
final class PrintToPixelLatency {
  static final int CHILDREN = 4;
  private static final long WARM_UP_TASK = 0;
  /** How much later than the frame interval the slowest lines (p99) may be drawn. */
  static final double TARGET_OVER_INTERVAL_MS = 4;

  private final int linesPerChild;

  PrintToPixelLatency(int linesPerChild) {
    this.linesPerChild = linesPerChild;
  }

  List<Figure> measure() throws Exception {
    HeadlessFx.start();
    Trace trace = new Trace();
    Lane parent = trace.addLane("bench", LaneKind.PROCESS, ProcessHandle.current().pid(), Lane.NO_PARENT);
    CountDownLatch ready = new CountDownLatch(CHILDREN);
    CountDownLatch warmed = new CountDownLatch(CHILDREN);
    CountDownLatch done = new CountDownLatch(CHILDREN);
    WorkerProcess.Listener listener = new WorkerProcess.Listener() {
      @Override
      public void ready(WorkerProcess worker) {
        ready.countDown();
      }

      @Override
      public void taskEnded(WorkerProcess worker, long task, boolean failed) {
        (task == WARM_UP_TASK ? warmed : done).countDown();
      }
    };
    List<WorkerProcess> children = new ArrayList<>();
    for (int i = 0; i < CHILDREN; i++) {
      children.add(WorkerProcess.start(trace, "printer-" + i, parent, listener));
    }
    try {
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the printing children did not start");
      }
      Samples latencies = new Samples();
      Samples firstRound = new Samples();
      FrameParts parts = new FrameParts();
      FrameParts firstParts = new FrameParts();
      Frames frames = HeadlessFx.call(() -> new Frames(trace, parent, firstRound, firstParts));
      HeadlessFx.call(() -> {
        frames.start();
        return null;
      });
      Thread.sleep(300); // a few frames first, as a window has drawn before its run prints
      for (WorkerProcess child : children) {
        child.run(WARM_UP_TASK, PrintLines.class.getName(), List.of(Integer.toString(Math.max(1, linesPerChild / 4))));
      }
      if (!warmed.await(5 * 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the printing children did not finish their first round");
      }
      Thread.sleep(100); // the frames after the first round's last line
      HeadlessFx.call(() -> {
        frames.measureInto(latencies, parts);
        return null;
      });
      for (WorkerProcess child : children) {
        child.run(WARM_UP_TASK + 1, PrintLines.class.getName(), List.of(Integer.toString(linesPerChild)));
      }
      if (!done.await(5 * 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the printing children did not finish");
      }
      Thread.sleep(100); // the frames after the last line
      HeadlessFx.call(() -> {
        frames.stop();
        return null;
      });
      long expected = (long) CHILDREN * linesPerChild;
      double interval = parts.intervals.median();
      return List.of(
          Figure.atMost("print_to_pixel_lines_missed", expected - latencies.count(), "lines", 0),
          Figure.atMost("print_to_pixel_p99_minus_frame_interval", latencies.percentile(99) - interval, "ms", TARGET_OVER_INTERVAL_MS),
          Figure.of("print_to_pixel_p50", latencies.median(), "ms"),
          Figure.of("print_to_pixel_p99", latencies.percentile(99), "ms"),
          Figure.of("print_to_pixel_frame_interval_median", interval, "ms"),
          Figure.of("print_to_pixel_frame_work_p99", parts.work.percentile(99), "ms"),
          Figure.of("print_to_pixel_frame_drain_p99", parts.drain.percentile(99), "ms"),
          Figure.of("print_to_pixel_frame_paint_p99", parts.paint.percentile(99), "ms"),
          Figure.of("print_to_pixel_frame_raster_p99", parts.raster.percentile(99), "ms"),
          Figure.of("print_to_pixel_frame_paint_median", parts.paint.median(), "ms"),
          Figure.of("print_to_pixel_frame_raster_median", parts.raster.median(), "ms"),
          Figure.of("print_to_pixel_first_round_p99", firstRound.percentile(99), "ms"),
          Figure.of("print_to_pixel_first_round_frame_work_p99", firstParts.work.percentile(99), "ms"));
    } finally {
      children.forEach(WorkerProcess::closeInput);
      for (WorkerProcess child : children) {
        if (!child.join(10, TimeUnit.SECONDS)) {
          child.kill();
        }
      }
    }
  }

  /** The frames' intervals and their work, whole and by part. */
  private static final class FrameParts {
    final Samples intervals = new Samples();
    final Samples work = new Samples();
    final Samples drain = new Samples();
    final Samples paint = new Samples();
    final Samples raster = new Samples();
  }

  /** The window's frame loop, reduced to the timeline: drain, draw, and time the lines drawn. */
  private static final class Frames extends AnimationTimer {
    private final Trace trace;
    private final Lane parent;
    private Samples latencies;
    private FrameParts parts;
    private long lastFrameStart = -1;
    private final TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
    private final SnapshotParameters onePixel = new SnapshotParameters();

    Frames(Trace trace, Lane parent, Samples latencies, FrameParts parts) {
      this.trace = trace;
      this.parent = parent;
      this.latencies = latencies;
      this.parts = parts;
      new Scene(new StackPane(canvas), FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.resize(FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.layout();
      canvas.show(trace);
      onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
    }

    /** From the next frame on, the lines drawn and the frames go into these. */
    void measureInto(Samples latencies, FrameParts parts) {
      this.latencies = latencies;
      this.parts = parts;
      lastFrameStart = -1;
    }

    @Override
    public void handle(long now) {
      long frameStart = trace.now();
      if (lastFrameStart >= 0) {
        parts.intervals.add((frameStart - lastFrameStart) / 1e6);
      }
      lastFrameStart = frameStart;
      List<TraceEvent> batch = trace.sync();
      long drained = trace.now();
      canvas.markDirty();
      canvas.paintIfDirty();
      long painted = trace.now();
      canvas.snapshot(onePixel, null);
      long drawn = trace.now();
      parts.work.add((drawn - frameStart) / 1e6);
      parts.drain.add((drained - frameStart) / 1e6);
      parts.paint.add((painted - drained) / 1e6);
      parts.raster.add((drawn - painted) / 1e6);
      for (TraceEvent event : batch) {
        if (event.kind() == EventKind.PRINT && event.lane() != parent.id()) {
          latencies.add((drawn - event.time()) / 1e6);
        }
      }
    }
  }

  /** Run by each child: prints its lines at random moments 0.5 to 4 ms apart. */
  public static final class PrintLines implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) {
      int lines = Integer.parseInt(args.get(0));
      for (int i = 0; i < lines; i++) {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000, 4_000_000));
        System.out.println("line " + i);
      }
    }
  }
}
