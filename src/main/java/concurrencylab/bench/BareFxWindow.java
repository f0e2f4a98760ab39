package concurrencylab.bench;

import concurrencylab.ui.app.FirstFrameProbe;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The start-up benchmark's yardstick: the least a JavaFX window like the app's can cost, a
 * maximized window with seven empty tabs and JavaFX's default look. The bench starts it as it
 * starts the app (same java, class path and flags) and times it with the same {@link
 * FirstFrameProbe}, so the ratio of the two says what the app adds on any machine.
 */
public final class BareFxWindow {
  static final int TABS = 7;

  private BareFxWindow() {}

  public static void main(String[] args) {
    // a plain main class: one that extends Application would need JavaFX as modules
    Application.launch(Window.class, args);
  }

  /** The window itself. */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      TabPane tabs = new TabPane();
      for (int i = 1; i <= TABS; i++) {
        tabs.getTabs().add(new Tab("Tab " + i));
      }
      Rectangle2D screen = Screen.getPrimary().getVisualBounds();
      Scene scene = new Scene(tabs, screen.getWidth(), screen.getHeight());
      FirstFrameProbe.install(scene, System.out, Platform::exit);
      stage.setTitle("bare JavaFX");
      stage.setScene(scene);
      stage.setMaximized(true);
      stage.show();
    }
  }
}
