package concurrencylab.ui;

import concurrencylab.lesson.LessonRegistry;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: the main window, or the tour of every tab when asked for one. */
public final class LabApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(LabApp.class);
  public static final String STYLESHEET = "/concurrencylab/css/lab.css";
  private static List<String> arguments = List.of();

  public static void launchWith(List<String> args) {
    arguments = List.copyOf(args);
    Runtime.getRuntime().addShutdownHook(new Thread(LabApp::killDescendants, "kill-children"));
    Application.launch(LabApp.class);
  }

  /** The last line of defence: whatever way the app ends, its children end with it. */
  static void killDescendants() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void start(Stage stage) {
    I18n i18n = new I18n(I18n.systemDefault());
    LabWindow window = new LabWindow(i18n, LessonRegistry.createAll());
    Scene scene = new Scene(window, 1600, 960);
    scene.getStylesheets().add(LabApp.class.getResource(STYLESHEET).toExternalForm());
    stage.titleProperty().bind(i18n.text("app.title"));
    stage.setScene(scene);
    stage.setOnCloseRequest(e -> window.dispose());
    if (arguments.contains(FirstFrameProbe.FLAG)) {
      FirstFrameProbe.install(scene);
    }
    int tour = arguments.indexOf("--tour");
    if (tour >= 0) {
      if (tour + 1 >= arguments.size()) {
        System.err.println("--tour needs a folder for the screenshots: --tour DIR");
        Platform.exit();
        System.exit(2);
      }
      stage.setWidth(1920);
      stage.setHeight(1080);
      stage.show();
      new Tour(window, Path.of(arguments.get(tour + 1))).start();
    } else {
      stage.show();
    }
    LOG.debug("window shown");
  }
}
