package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installed app's log lands in the user's standard place for state, on each system. */
class LogFileTest {
  private final Path home = Path.of("/home/lecturer");

  @Test
  void linuxUsesXdgStateHomeElseDotLocalState() {
    assertThat(LogFile.folder("Linux", Map.of("XDG_STATE_HOME", "/tmp/state"), home)).isEqualTo(Path.of("/tmp/state/concurrency-lab"));
    assertThat(LogFile.folder("Linux", Map.of(), home)).isEqualTo(Path.of("/home/lecturer/.local/state/concurrency-lab"));
    assertThat(LogFile.folder("Linux", Map.of("XDG_STATE_HOME", " "), home)).isEqualTo(Path.of("/home/lecturer/.local/state/concurrency-lab"));
  }

  @Test
  void macUsesLibraryLogs() {
    assertThat(LogFile.folder("Mac OS X", Map.of(), home)).isEqualTo(Path.of("/home/lecturer/Library/Logs/ConcurrencyLab"));
  }

  @Test
  void windowsUsesLocalAppData() {
    assertThat(LogFile.folder("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/l/AppData/Local"), home))
        .isEqualTo(Path.of("/c/Users/l/AppData/Local/ConcurrencyLab/logs"));
  }

  @Test
  void nothingChangesUnlessTheLauncherAsks() {
    System.clearProperty(LogFile.ASK);
    String before = System.getProperty("org.slf4j.simpleLogger.logFile");
    LogFile.useStandardPlaceIfAsked();
    assertThat(System.getProperty("org.slf4j.simpleLogger.logFile")).isEqualTo(before);
  }
}
