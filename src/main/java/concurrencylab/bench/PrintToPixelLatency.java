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
 * interval between frames (a line waits up to one for the next frame) and the frame's own work
 * (drain, paint, rasterize).
 */
final class PrintToPixelLatency {
  static final int CHILDREN = 4;
  static final double TARGET_MS = 16.7;

  private final int linesPerChild;

  PrintToPixelLatency(int linesPerChild) {
    this.linesPerChild = linesPerChild;
  }

  List<Figure> measure() throws Exception {
    HeadlessFx.start();
    Trace trace = new Trace();
    Lane parent = trace.addLane("bench", LaneKind.PROCESS, ProcessHandle.current().pid(), Lane.NO_PARENT);
    CountDownLatch ready = new CountDownLatch(CHILDREN);
    CountDownLatch done = new CountDownLatch(CHILDREN);
    WorkerProcess.Listener listener = new WorkerProcess.Listener() {
      @Override
      public void ready(WorkerProcess worker) {
        ready.countDown();
      }

      @Override
      public void taskEnded(WorkerProcess worker, long task, boolean failed) {
        done.countDown();
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
      Samples frameWork = new Samples();
      Samples frameIntervals = new Samples();
      Frames frames = HeadlessFx.call(() -> new Frames(trace, parent, latencies, frameWork, frameIntervals));
      HeadlessFx.call(() -> {
        frames.start();
        return null;
      });
      Thread.sleep(300); // a few frames first, as a window has drawn before its run prints
      for (WorkerProcess child : children) {
        child.run(0, PrintLines.class.getName(), List.of(Integer.toString(linesPerChild)));
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
      return List.of(
          Figure.of("print_to_pixel_p50", latencies.median(), "ms"),
          Figure.atMost("print_to_pixel_p99", latencies.percentile(99), "ms", TARGET_MS),
          Figure.of("print_to_pixel_lines_missed", expected - latencies.count(), "lines"),
          Figure.of("print_to_pixel_frame_interval_median", frameIntervals.median(), "ms"),
          Figure.of("print_to_pixel_frame_work_p99", frameWork.percentile(99), "ms"));
    } finally {
      children.forEach(WorkerProcess::closeInput);
      for (WorkerProcess child : children) {
        if (!child.join(10, TimeUnit.SECONDS)) {
          child.kill();
        }
      }
    }
  }

  /** The window's frame loop, reduced to the timeline: drain, draw, and time the lines drawn. */
  private static final class Frames extends AnimationTimer {
    private final Trace trace;
    private final Lane parent;
    private final Samples latencies;
    private final Samples frameWork;
    private final Samples frameIntervals;
    private long lastFrameStart = -1;
    private final TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
    private final SnapshotParameters onePixel = new SnapshotParameters();

    Frames(Trace trace, Lane parent, Samples latencies, Samples frameWork, Samples frameIntervals) {
      this.trace = trace;
      this.parent = parent;
      this.latencies = latencies;
      this.frameWork = frameWork;
      this.frameIntervals = frameIntervals;
      new Scene(new StackPane(canvas), FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.resize(FrameCost.WIDTH, FrameCost.HEIGHT);
      canvas.layout();
      canvas.show(trace);
      onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
    }

    @Override
    public void handle(long now) {
      long frameStart = trace.now();
      if (lastFrameStart >= 0) {
        frameIntervals.add((frameStart - lastFrameStart) / 1e6);
      }
      lastFrameStart = frameStart;
      List<TraceEvent> batch = trace.sync();
      canvas.markDirty();
      canvas.paintIfDirty();
      canvas.snapshot(onePixel, null);
      long drawn = trace.now();
      frameWork.add((drawn - frameStart) / 1e6);
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
