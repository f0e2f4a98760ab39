package concurrencylab.ui.app;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;

/**
 * Presses keys on a node the way the keyboard does, through the node's event filters. Headless,
 * the OS focus can rest on another test's window, so the tests deliver the key to the window
 * under test instead of to whatever has focus.
 */
final class Keys {
  private Keys() {}

  static void press(FxRobot robot, Node target, KeyCode code) {
    press(robot, target, code, false, code == KeyCode.SLASH ? "?" : "");
  }

  static void pressWithShortcut(FxRobot robot, Node target, KeyCode code) {
    press(robot, target, code, true, "");
  }

  private static void press(FxRobot robot, Node target, KeyCode code, boolean shortcut, String text) {
    robot.interact(() -> Event.fireEvent(target,
        new KeyEvent(KeyEvent.KEY_PRESSED, text, text, code, false, shortcut, false, false)));
  }
}
