package concurrencylab.runtime.python;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Python that runs a lesson's script: a path the user chose, else {@code python3}, then
 * {@code python} on PATH. A candidate counts only once it has run and said it is 3.8 or newer:
 * {@code python} is Python 2 on some machines, and a Windows Store stub only opens the store.
 */
public final class PythonFinder {
  public static final int MIN_MAJOR = 3;
  public static final int MIN_MINOR = 8;
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\S*");
  private static final long CHECK_SECONDS = 10;

  /** What looking for Python found: an interpreter, or why there is none to use. */
  public sealed interface Result permits Found, NotFound {}

  /** A usable interpreter: its real path (sys.executable) and its version as it printed it ("3.11.7"). */
  public record Found(Path executable, String version) implements Result {}

  /** No usable interpreter; {@code reason} says what was tried and how to get one. */
  public record NotFound(String reason) implements Result {}

  private PythonFinder() {}

  /** {@code python3}, then {@code python}, on PATH. */
  public static Result find() {
    return find(Optional.empty());
  }

  /** The chosen interpreter when there is one (and only it), else the search on PATH. */
  public static Result find(Optional<Path> chosen) {
    if (chosen.isPresent()) {
      return check(chosen.get());
    }
    List<String> tried = new ArrayList<>();
    for (String name : List.of("python3", "python")) {
      for (Path candidate : onPath(name)) {
        Result result = check(candidate);
        if (result instanceof Found) {
          return result;
        }
        tried.add(((NotFound) result).reason());
      }
    }
    String how = "install Python " + MIN_MAJOR + "." + MIN_MINOR + " or newer (python.org, or e.g. `sudo apt install python3`)"
        + " or choose an interpreter";
    return new NotFound(tried.isEmpty()
        ? "no python3 or python on PATH; " + how
        : String.join("; ", tried) + "; " + how);
  }

  /** Runs {@code executable} to ask its version; Found only for 3.8 or newer. */
  public static Result check(Path executable) {
    if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
      return new NotFound(executable + " is not an executable file");
    }
    String printed;
    try {
      Process p = new ProcessBuilder(executable.toString(), "-I", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)")
          .redirectErrorStream(true)
          .start();
      p.getOutputStream().close();
      if (!p.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new NotFound(executable + " did not say its version within " + CHECK_SECONDS + " s");
      }
      printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.exitValue() != 0) {
        return new NotFound(executable + " failed to start (" + firstLine(printed) + ")");
      }
    } catch (IOException e) {
      return new NotFound(executable + " could not be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new NotFound("interrupted while checking " + executable);
    }
    Matcher m = VERSION.matcher(printed);
    if (!m.find()) {
      return new NotFound(executable + " printed no version (" + firstLine(printed) + ")");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major < MIN_MAJOR || major == MIN_MAJOR && minor < MIN_MINOR) {
      return new NotFound(executable + " is Python " + m.group() + ", older than " + MIN_MAJOR + "." + MIN_MINOR);
    }
    // a launcher such as pyenv's shim is a shell script: run the interpreter it found instead
    List<String> lines = printed.lines().toList();
    Path real = lines.size() > 1 && !lines.get(lines.size() - 1).isBlank() ? Path.of(lines.get(lines.size() - 1).trim()) : executable;
    return new Found(Files.isExecutable(real) ? real : executable, m.group());
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }

  /** Every executable called {@code name} on PATH, in PATH's order. */
  static List<Path> onPath(String name) {
    List<Path> found = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path == null) {
      return found;
    }
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String file : windows ? List.of(name + ".exe", name) : List.of(name)) {
        try {
          Path candidate = Path.of(dir, file);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate) && !found.contains(candidate)) {
            found.add(candidate);
          }
        } catch (RuntimeException e) {
          // a PATH entry that is no path
        }
      }
    }
    return found;
  }
}
