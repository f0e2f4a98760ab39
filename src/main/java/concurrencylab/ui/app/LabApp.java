package concurrencylab.ui.app;

import concurrencylab.ui.tab.CodeFonts;
import concurrencylab.ui.text.I18n;
import concurrencylab.lesson.LessonRegistry;
import java.io.IOException;
import java.io.PrintStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the main window, or the tour of every tab when asked for one. It gets
 * its options checked by the launcher, and hands the exit status back to it: only the launcher
 * ends the JVM.
 */
public final class LabApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(LabApp.class);

  // Application.launch makes the instance itself, so what it needs is handed over here
  private static LaunchOptions options = LaunchOptions.window();
  private static Settings settings;
  private static PrintStream out;
  private static PrintStream err;
  private static volatile int exitStatus;

  /** Shows the window until it closes (or the tour ends); returns the exit status. */
  public static int launchWith(LaunchOptions launch, PrintStream stdout, PrintStream stderr) throws IOException {
    options = launch;
    out = stdout;
    err = stderr;
    // read here, not on the FX thread; a tour must neither read nor change what the lecturer chose
    settings = launch.touring() ? Settings.temporary() : Settings.standard();
    Runtime.getRuntime().addShutdownHook(new Thread(LabApp::killDescendants, "kill-children"));
    Application.launch(LabApp.class);
    settings.close(); // the window has closed: the last change reaches the disk before the JVM ends
    return exitStatus;
  }

  /** Ends the app with {@code status}: the FX thread stops, and the launcher exits with it. */
  static void exit(int status) {
    exitStatus = status;
    Platform.exit();
  }

  /** The last line of defence: whatever way the app ends, its children end with it. */
  static void killDescendants() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void start(Stage stage) {
    I18n i18n = new I18n(settings.locale());
    // before the first control: else JavaFX loads its own Modena stylesheet, only to replace it
    Application.setUserAgentStylesheet((options.theme() != null ? options.theme() : settings.theme()).userAgentStylesheet());
    LabWindow window = new LabWindow(i18n, LessonRegistry.createAll(), settings);
    // the screen's size the first time; afterwards the size the lecturer left it at
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    javafx.geometry.Dimension2D size = settings.windowSize()
        .orElse(new javafx.geometry.Dimension2D(screen.getWidth(), screen.getHeight()));
    Scene scene = new Scene(window, Math.min(size.getWidth(), screen.getWidth()), Math.min(size.getHeight(), screen.getHeight()));
    CodeFonts.follow(scene, i18n.localeProperty());
    stage.titleProperty().bind(i18n.text("app.title"));
    stage.setScene(scene);
    window.closeOnRequest(stage, () -> {
      if (!options.touring()) {
        settings.setMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
          settings.setWindowSize(scene.getWidth(), scene.getHeight());
        }
      }
    });
    if (options.firstFrameProbe()) {
      FirstFrameProbe.install(scene, out);
    }
    // set as the menus would, so that the menus show them
    if (options.language() != null) {
      i18n.localeProperty().set(options.language());
    }
    if (options.theme() != null) {
      window.themeProperty().set(options.theme());
    }
    if (options.presentationScale() != null) {
      window.presentationScaleProperty().set(options.presentationScale());
      window.presentingProperty().set(true);
    }
    if (options.touring()) {
      stage.setWidth(1920);
      stage.setHeight(1080);
      stage.show();
      if (options.lectureScenario()) {
        new LectureTour(window, options.tourFolder(), options.onlyLesson(), out, err).start();
      } else {
        new Tour(window, options.tourFolder(), options.onlyLesson(), out, err).start();
      }
    } else {
      stage.setMaximized(settings.windowSize().isEmpty() || settings.maximized());
      stage.show();
    }
    LOG.debug("window shown");
  }
}
