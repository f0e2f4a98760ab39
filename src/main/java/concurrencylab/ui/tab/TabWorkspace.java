package concurrencylab.ui.tab;

import concurrencylab.lesson.Lesson;
import concurrencylab.runtime.python.PythonRun;
import javafx.scene.Node;

/**
 * What a tab that is not a chapter lesson brings to the lesson tab's frame (Run / Stop / Replay,
 * timeline, console, exports, shortcuts all stay the tab's): its own controls in place of the
 * lesson's and of the Java | Python choice, its own code side, and the lesson Run starts, made
 * from what the workspace holds when Run is pressed. "Your script" is one.
 */
public interface TabWorkspace {
  Node controls();

  CodeSide code();

  /** What Run runs now with {@code python}; null when it cannot run now (the workspace says why). */
  Lesson toRun(PythonRun.Options python);
}
