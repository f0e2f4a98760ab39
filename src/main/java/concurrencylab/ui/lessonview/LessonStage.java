package concurrencylab.ui.lessonview;

import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import javafx.scene.Node;

/**
 * A lesson's own view above the timeline (the fork diagram, the lock stage, the progress jobs). It
 * is fed the same per-frame batches of events as the timeline, so it can only show what happened.
 */
public interface LessonStage {
  Node node();

  /** A new run starts. */
  default void show(Trace trace) {}

  /** Called once per frame with what the run recorded since the last frame (maybe nothing). */
  default void onFrame(List<TraceEvent> batch) {}

  default void runEnded(LessonRun.Result result) {}

  /** The presentation scale changed (1 = normal): sizes not set by the font follow it. */
  default void setScale(double scale) {}

  /**
   * Whether the view stands in a column beside the timeline (Both focus at large type) rather than
   * in a strip above it: a view that can stacks its parts from top to bottom there.
   */
  default void setInColumn(boolean inColumn) {}

  /** Whether the view can stand in a column ({@link #setInColumn}); one that cannot stays above the timeline. */
  default boolean fitsColumn() {
    return false;
  }

  /**
   * Whether the view stands beside the timeline in Both at 100 % too: a picture does (above, the lock
   * stage left eight threads two lanes and a half); a view with controls of its own stays above.
   */
  default boolean besideAtEverySize() {
    return false;
  }

  /** The theme changed: what is painted on a canvas is painted again. */
  default void repaint() {}
}
