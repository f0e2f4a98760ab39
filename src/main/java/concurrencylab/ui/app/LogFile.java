package concurrencylab.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the installed app writes its log: the user's standard place for state, never the install
 * folder. {@code $XDG_STATE_HOME/concurrency-lab} (else {@code ~/.local/state/concurrency-lab}) on
 * Linux, {@code %LOCALAPPDATA%\ConcurrencyLab\logs} on Windows, {@code ~/Library/Logs/ConcurrencyLab}
 * on macOS. Only the installed launcher asks for it (system property {@value #ASK}); from Maven or
 * the jar the log stays on stderr, where a developer reads it. slf4j-simple reads its settings when
 * the first logger is made, so {@link #useStandardPlaceIfAsked()} runs before any logging.
 */
public final class LogFile {
  /** Set to {@code true} by the installed app's launcher. */
  static final String ASK = "concurrencylab.logToStateDir";
  static final String FILE = "concurrency-lab.log";
  private static final String SLF4J_FILE = "org.slf4j.simpleLogger.logFile";

  private LogFile() {}

  /**
   * Points slf4j-simple at the standard log file when the launcher asked for it; else does
   * nothing. A problem is returned for the launcher to print: there is no log to write it to yet.
   */
  public static Optional<String> useStandardPlaceIfAsked() {
    if (!Boolean.getBoolean(ASK) || System.getProperty(SLF4J_FILE) != null) {
      return Optional.empty();
    }
    Path folder = folder(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    try {
      Files.createDirectories(folder);
      // slf4j-simple starts the file afresh each time, so it holds the last run and stays small
      System.setProperty(SLF4J_FILE, folder.resolve(FILE).toString());
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot write the log to " + folder + " (" + e + "); logging to stderr");
    }
  }

  static Path folder(String osName, Map<String, String> env, Path home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return nonBlank(env.get("LOCALAPPDATA")).map(Path::of).orElse(home.resolve("AppData/Local"))
          .resolve("ConcurrencyLab").resolve("logs");
    }
    if (os.contains("mac")) {
      return home.resolve("Library/Logs/ConcurrencyLab");
    }
    return nonBlank(env.get("XDG_STATE_HOME")).map(Path::of).orElse(home.resolve(".local/state"))
        .resolve("concurrency-lab");
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
