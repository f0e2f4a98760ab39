package concurrencylab.ui.app;

import concurrencylab.ui.look.Theme;
import concurrencylab.ui.tab.LayoutFocus;
import concurrencylab.ui.text.I18n;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between starts (theme, language, presentation mode and scale), in the
 * user's standard config folder: {@code $XDG_CONFIG_HOME/concurrency-lab} (else
 * {@code ~/.config/concurrency-lab}) on Linux, {@code %APPDATA%\ConcurrencyLab} on Windows,
 * {@code ~/Library/Application Support/ConcurrencyLab} on macOS; never the install folder. The
 * system property {@code concurrencylab.config.dir} overrides it (the tests use that).
 *
 * <p>A change is kept in memory at once and saved a little later on a thread of its own, so that a
 * slider dragged across its range writes the file once, not once per tick, and the FX thread never
 * waits for the disk. {@link #flush()} saves what is pending now (the window does on close), and
 * {@link #close()} waits for it (the launcher does, once the FX thread has ended). A save writes a
 * new file beside the old one and moves it into place, so a crash mid-save leaves the old file
 * whole, never half of the new one.
 */
public final class Settings {
  private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
  private static final String FILE = "settings.properties";
  private static final Duration SAVE_DELAY = Duration.ofMillis(500);

  private final Path file;
  private final Duration saveDelay;
  private final Properties values = new Properties();
  private ScheduledExecutorService saver; // started with the first change: most instances only read
  private ScheduledFuture<?> pendingSave;

  public Settings(Path folder) {
    this(folder, SAVE_DELAY);
  }

  /** With {@code saveDelay}: how long a change waits for the next one before it is saved. */
  Settings(Path folder, Duration saveDelay) {
    this.file = folder.resolve(FILE);
    this.saveDelay = saveDelay;
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

  public LayoutFocus focus() {
    try {
      return LayoutFocus.valueOf(values.getProperty("focus", LayoutFocus.BOTH.name()));
    } catch (IllegalArgumentException e) {
      return LayoutFocus.BOTH;
    }
  }

  public void setFocus(LayoutFocus focus) {
    put("focus", focus.name());
  }

  /** The window's last size, or none before the first close. */
  public java.util.Optional<javafx.geometry.Dimension2D> windowSize() {
    try {
      double width = Double.parseDouble(values.getProperty("windowWidth", ""));
      double height = Double.parseDouble(values.getProperty("windowHeight", ""));
      return width >= 400 && height >= 300 ? java.util.Optional.of(new javafx.geometry.Dimension2D(width, height)) : java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  public void setWindowSize(double width, double height) {
    put("windowWidth", Long.toString(Math.round(width)));
    put("windowHeight", Long.toString(Math.round(height)));
  }

  public boolean maximized() {
    return Boolean.parseBoolean(values.getProperty("maximized", "false"));
  }

  public void setMaximized(boolean maximized) {
    put("maximized", Boolean.toString(maximized));
  }

  /** The chosen language, or the system's when none was chosen. */
  public Locale locale() {
    String tag = values.getProperty("language");
    return tag == null ? I18n.systemDefault() : Locale.forLanguageTag(tag);
  }

  public void setLocale(Locale locale) {
    put("language", locale.toLanguageTag());
  }

  /** The scripts opened last, latest first (File ▸ Recent scripts). */
  public synchronized java.util.List<Path> recentScripts() {
    java.util.List<Path> scripts = new java.util.ArrayList<>();
    for (int i = 0; values.getProperty("recentScript." + i) != null; i++) {
      try {
        scripts.add(Path.of(values.getProperty("recentScript." + i)));
      } catch (java.nio.file.InvalidPathException e) {
        LOG.debug("a recent script that is no path here", e);
      }
    }
    return scripts;
  }

  public synchronized void setRecentScripts(java.util.List<Path> scripts) {
    for (int i = scripts.size(); values.getProperty("recentScript." + i) != null; i++) {
      values.remove("recentScript." + i);
    }
    for (int i = 0; i < scripts.size(); i++) {
      put("recentScript." + i, scripts.get(i).toString());
    }
  }

  private synchronized void put(String key, String value) {
    if (value.equals(values.getProperty(key))) {
      return;
    }
    values.setProperty(key, value);
    if (pendingSave == null) {
      pendingSave = saver().schedule(this::save, saveDelay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Saves a pending change now, on the saving thread; the future completes once every change made
   * before the call is on disk.
   */
  public synchronized CompletableFuture<Void> flush() {
    if (saver == null) {
      return CompletableFuture.completedFuture(null);
    }
    if (pendingSave == null) {
      // a save may be under way: the saving thread runs one task at a time, so this waits for it
      return CompletableFuture.runAsync(() -> {}, saver);
    }
    pendingSave.cancel(false);
    pendingSave = null;
    return CompletableFuture.runAsync(this::save, saver);
  }

  /**
   * Saves a pending change and waits until it is on disk, then lets the saving thread end. For
   * the end of the app, off the FX thread; later changes are saved again as usual.
   */
  public void close() {
    try {
      flush().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("could not save the settings to {} before the end", file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (saver != null && pendingSave == null) {
        saver.shutdown();
        saver = null;
      }
    }
  }

  private synchronized ScheduledExecutorService saver() {
    if (saver == null) {
      saver = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "settings-save");
        thread.setDaemon(true);
        return thread;
      });
    }
    return saver;
  }

  /** On the saving thread: writes what is set now to a new file and moves it over the old one. */
  private void save() {
    Properties snapshot = new Properties();
    synchronized (this) {
      pendingSave = null;
      snapshot.putAll(values);
    }
    Path temporary = null;
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, FILE, ".tmp");
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        snapshot.store(out, "Concurrency Lab settings");
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      LOG.warn("could not save the settings to {}", file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          LOG.debug("could not remove {}", temporary, e);
        }
      }
    }
  }
}
