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
  private static Settings settings;

  public static void launchWith(List<String> args) throws java.io.IOException {
    arguments = List.copyOf(args);
    // read here, not on the FX thread; a tour must neither read nor change what the lecturer chose
    settings = arguments.contains("--tour") ? Settings.temporary() : Settings.standard();
    Runtime.getRuntime().addShutdownHook(new Thread(LabApp::killDescendants, "kill-children"));
    Application.launch(LabApp.class);
    settings.close(); // the window has closed: the last change reaches the disk before the JVM ends
  }

  /** The last line of defence: whatever way the app ends, its children end with it. */
  static void killDescendants() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /** The value after {@code name} on the command line, e.g. {@code --theme dark}. */
  private static java.util.Optional<String> option(String name) {
    int at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? java.util.Optional.of(arguments.get(at + 1)) : java.util.Optional.empty();
  }

  @Override
  public void start(Stage stage) throws java.io.IOException {
    I18n i18n = new I18n(settings.locale());
    LabWindow window = new LabWindow(i18n, LessonRegistry.createAll(), settings);
    Scene scene = new Scene(window, 1600, 960);
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
      option("--theme").ifPresent(name -> window.themeProperty().set(Theme.valueOf(name.toUpperCase(java.util.Locale.ROOT))));
      option("--present").ifPresent(scale -> {
        window.presentationScaleProperty().set(Double.parseDouble(scale));
        window.presentingProperty().set(true);
      });
      option("--language").ifPresent(tag -> i18n.localeProperty().set(java.util.Locale.forLanguageTag(tag)));
      stage.show();
      new Tour(window, Path.of(arguments.get(tour + 1)), option("--only").orElse(null)).start();
    } else {
      stage.show();
    }
    LOG.debug("window shown");
  }
}
