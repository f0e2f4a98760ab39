package concurrencylab.ui.app;

import concurrencylab.ui.tab.LessonTab;
import concurrencylab.lesson.LessonRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.AnimationTimer;

/**
 * {@code --tour DIR [--only TAB] [--theme light|dark|high_contrast] [--present SCALE]
 * [--language zh-CN]}: selects each tab in turn, runs its default lesson to the end and writes a
 * snapshot of the whole window to {@code DIR/<tab-id>.png}; ends the app with 0, or 1 naming the
 * lesson that failed.
 */
final class Tour extends ScreenshotTour {
  private static final long TIMEOUT_NANOS = 180_000_000_000L;
  /** Half a second after the run: the lock stage's chips take about that to glide to their places. */
  private static final int SETTLE_FRAMES = 30;

  private final Deque<LessonTab> remaining;
  private LessonTab current;
  private long startedAt;
  private int settleFrames;

  /** A tour of every tab, or of the one whose lesson id is {@code only} when it is not null. */
  Tour(LabWindow window, Path folder, String only, PrintStream out, PrintStream err) {
    super(window, folder, out, err);
    this.remaining = new ArrayDeque<>(window.lessonTabs().stream().filter(t -> only == null || t.lesson().id().equals(only)).toList());
  }


  @Override
  void step(long now, AnimationTimer timer) {
    if (current == null) {
      if (remaining.isEmpty()) {
        timer.stop();
        finish(0, "tour written to " + folder.toAbsolutePath());
        return;
      }
      current = remaining.poll();
      window.select(current);
      current.run();
      startedAt = now;
      settleFrames = SETTLE_FRAMES;
      return;
    }
    if (current.runningProperty().get()) {
      if (now - startedAt > TIMEOUT_NANOS) {
        timer.stop();
        current.stop();
        finish(1, "lesson " + current.lesson().id() + " did not finish in time");
      }
      return;
    }
    if (settleFrames-- > 0) {
      return;
    }
    LessonRun.Result result = current.lastResult();
    if (result == null || result.status() != LessonRun.Status.COMPLETED) {
      timer.stop();
      finish(1, "lesson " + current.lesson().id() + " failed: " + (result == null ? "no result" : result.status() + " " + result.failure()));
      return;
    }
    try {
      snapshot(window, folder.resolve(current.lesson().id() + ".png"));
      out.println("wrote " + folder.resolve(current.lesson().id() + ".png"));
    } catch (IOException e) {
      timer.stop();
      finish(1, "could not write the screenshot: " + e.getMessage());
      return;
    }
    current = null;
  }


}
