package concurrencylab.ui.app;

import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/**
 * Starts JavaFX for a test that draws off-screen. TestFX has to start the toolkit: when {@link
 * HeadlessFx#start()} (Platform.startup) runs first, the robot's clicks of every later TestFX test
 * in the same JVM reach no window. Started this way, {@code HeadlessFx.start()} finds the toolkit
 * running and uses it as it is.
 */
public final class HeadlessFxForTests {
  private HeadlessFxForTests() {}

  public static void start() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
    HeadlessFx.start();
  }
}
