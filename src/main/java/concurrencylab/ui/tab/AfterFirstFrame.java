package concurrencylab.ui.tab;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Work that the first frame of the app's window can do without, put off until just after it: for a
 * node made while no window of the app is on screen (the window's first tab, as the app starts),
 * the work runs once the scene the node joins has drawn its first frame; for a node made later, at
 * once. The first frame is then the window as it is, less that work, and the next one has it.
 */
public final class AfterFirstFrame {
  private AfterFirstFrame() {}

  /** Whether a window of the app is on screen: a node made now need not wait for a first frame. */
  static boolean windowOnScreen() {
    return Window.getWindows().stream().anyMatch(Window::isShowing);
  }

  public static void run(Node node, Runnable work) {
    run(node, work, !windowOnScreen());
  }

  /** Runs {@code work} now, or, when {@code afterFirstFrame}, once the scene {@code node} joins has drawn its first frame. */
  static void run(Node node, Runnable work, boolean afterFirstFrame) {
    if (!afterFirstFrame) {
      work.run();
      return;
    }
    node.sceneProperty().addListener(new ChangeListener<Scene>() {
      @Override
      public void changed(ObservableValue<? extends Scene> property, Scene old, Scene scene) {
        if (scene == null) {
          return;
        }
        node.sceneProperty().removeListener(this);
        scene.addPostLayoutPulseListener(new Runnable() {
          @Override
          public void run() {
            scene.removePostLayoutPulseListener(this);
            // after the pulse: its frame is drawn as it was laid out, and the work's changes go to the next
            Platform.runLater(work);
          }
        });
      }
    });
  }
}
