package concurrencylab.ui.tab;

import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import javafx.scene.Node;

/** The code below a tab's timeline: a lesson's two-language panel, or a workspace's own (see {@link TabWorkspace}). */
public interface CodeSide {
  Node node();

  /** A run starts: show the code it runs. */
  void showRun(RunInfo run);

  /**
   * The controls moved: show the code Run would run with them now; the marks of the run shown stay
   * where they are (the values change, the lines do not).
   */
  default void showControls(RunInfo controls) {
    showRun(controls);
  }

  /** Once per painted frame: marks what the lanes did by {@code time} ({@link Long#MAX_VALUE}: all of the run so far). */
  void follow(Trace trace, long time);

  void setScale(double scale);

  /**
   * Both focus at large type: the code shares the window with the timeline and the lesson's view,
   * so it shows what it must in less room (fewer rows kept, so that its type can still grow).
   */
  void setCompact(boolean compact);

  /** Draws again in the theme's colours. */
  void repaint();
}
