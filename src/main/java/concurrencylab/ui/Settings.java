package concurrencylab.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between starts (theme, language, presentation mode and scale), in the
 * user's standard config folder: {@code $XDG_CONFIG_HOME/concurrency-lab} (else
 * {@code ~/.config/concurrency-lab}) on Linux, {@code %APPDATA%\ConcurrencyLab} on Windows,
 * {@code ~/Library/Application Support/ConcurrencyLab} on macOS; never the install folder. The
 * system property {@code concurrencylab.config.dir} overrides it (the tests use that).
 */
public final class Settings {
  private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
  private static final String FILE = "settings.properties";

  private final Path file;
  private final Properties values = new Properties();

  public Settings(Path folder) {
    this.file = folder.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn("could not read the settings in {}; starting from defaults", file, e);
      }
    }
  }

  /** Settings in a folder of their own that is gone when the app exits: a tour's. */
  public static Settings temporary() throws java.io.IOException {
    Path folder = java.nio.file.Files.createTempDirectory("concurrency-lab-tour");
    folder.toFile().deleteOnExit();
    folder.resolve(FILE).toFile().deleteOnExit(); // registered last, so deleted before its folder
    return new Settings(folder);
  }

  public static Settings standard() {
    return new Settings(configFolder());
  }

  static Path configFolder() {
    String override = System.getProperty("concurrencylab.config.dir");
    if (override != null) {
      return Path.of(override);
    }
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return (appData != null ? Path.of(appData) : home).resolve("ConcurrencyLab");
    }
    if (os.contains("mac")) {
      return home.resolve("Library/Application Support/ConcurrencyLab");
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("concurrency-lab");
  }

  public Theme theme() {
    try {
      return Theme.valueOf(values.getProperty("theme", Theme.LIGHT.name()));
    } catch (IllegalArgumentException e) {
      return Theme.LIGHT;
    }
  }

  public void setTheme(Theme theme) {
    put("theme", theme.name());
  }

  /** Type and lane scale in presentation mode, 1.0 to 2.5. */
  public double presentationScale() {
    try {
      return Math.max(1.0, Math.min(2.5, Double.parseDouble(values.getProperty("presentationScale", "1.5"))));
    } catch (NumberFormatException e) {
      return 1.5;
    }
  }

  public void setPresentationScale(double scale) {
    put("presentationScale", Double.toString(scale));
  }

  public boolean presenting() {
    return Boolean.parseBoolean(values.getProperty("presenting", "false"));
  }

  public void setPresenting(boolean presenting) {
    put("presenting", Boolean.toString(presenting));
  }

  /** The chosen language, or the system's when none was chosen. */
  public Locale locale() {
    String tag = values.getProperty("language");
    return tag == null ? I18n.systemDefault() : Locale.forLanguageTag(tag);
  }

  public void setLocale(Locale locale) {
    put("language", locale.toLanguageTag());
  }

  private void put(String key, String value) {
    values.setProperty(key, value);
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        values.store(out, "Concurrency Lab settings");
      }
    } catch (IOException e) {
      LOG.warn("could not save the settings to {}", file, e);
    }
  }
}
