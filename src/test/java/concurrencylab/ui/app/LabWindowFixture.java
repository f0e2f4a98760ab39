package concurrencylab.ui.app;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.runtime.TempFolders;
import concurrencylab.ui.text.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a lecturer opens it, for a test that drives it with TestFX: every lesson, English,
 * settings in a folder of the test's own (presentation mode and the focus are remembered, so one
 * test's choices must not reach the next, nor the user's own), and after each test the window
 * disposed and no child process of the app left.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class LabWindowFixture {
  protected LabWindow window;
  private Path settingsFolder;

  /** The window's size; full HD unless a test needs another. */
  protected double width() {
    return 1920;
  }

  protected double height() {
    return 1080;
  }

  // TestFX calls only the test class's own @Start methods: the window goes onto its stage here,
  // after the extension has set the stage up for this test
  @BeforeEach
  protected void startWindow() throws Exception {
    settingsFolder = Files.createTempDirectory(getClass().getSimpleName() + "-settings");
    Settings settings = new Settings(settingsFolder);
    FxToolkit.setupStage(stage -> {
      window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), settings);
      stage.setScene(new Scene(window, width(), height()));
      stage.show();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  protected void disposeWindowAndLeaveNoChild(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    TempFolders.delete(settingsFolder);
  }

  /** Reads something on the FX thread, as the test may not touch the scene from its own. */
  protected static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }
}
