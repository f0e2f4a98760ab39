package concurrencylab.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's temporary folders (a Python run's folder, a script's working folder, the tracer's
 * files), each named after the app process that made it: {@code concurrencylab-<pid>-<kind>-…}. The
 * owner removes a folder when it is done with it; a SIGKILL leaves it no time to, so the first folder
 * an app makes also removes the folders of owners that are no longer alive. A PID taken again by
 * another process keeps its folders until that process is gone too.
 */
public final class TempFolders {
  static final String PREFIX = "concurrencylab-";
  private static final Logger LOG = LoggerFactory.getLogger(TempFolders.class);
  private static final AtomicBoolean LEFTOVERS_REMOVED = new AtomicBoolean();

  private TempFolders() {
  }

  /** A new empty folder of this app for {@code kind} (letters, digits and dashes). */
  public static Path create(String kind) {
    Path root = root();
    if (LEFTOVERS_REMOVED.compareAndSet(false, true)) {
      removeLeftovers(root);
    }
    try {
      return Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-" + kind + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("could not make a folder for " + kind + " in " + root, e);
    }
  }

  /** The folder the app's folders are made in: the JVM's temporary folder. */
  public static Path root() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Removes the folders in {@code root} that an app made and that outlived it; returns how many. */
  public static int removeLeftovers(Path root) {
    int removed = 0;
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        OptionalLong owner = owner(entry.getFileName().toString());
        if (owner.isPresent() && !isAlive(owner.getAsLong()) && Files.isDirectory(entry)) {
          delete(entry);
          removed++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("looking for leftover folders in {}", root, e);
    }
    if (removed > 0) {
      LOG.info("removed {} temporary folders of apps that ended without removing them", removed);
    }
    return removed;
  }

  /** The PID in a name of the form {@code concurrencylab-<pid>-…}; empty for any other name. */
  static OptionalLong owner(String name) {
    if (!name.startsWith(PREFIX)) {
      return OptionalLong.empty();
    }
    int start = PREFIX.length();
    int end = name.indexOf('-', start);
    if (end <= start || end - start > 18) {
      return OptionalLong.empty();
    }
    for (int i = start; i < end; i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(name.substring(start, end)));
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Removes {@code dir} and everything in it; what cannot be removed is logged and left. */
  public static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("removing {}", dir, e);
    }
  }
}
