package concurrencylab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JVM flags the app's launcher starts it with: the {@code --java-options -XX:…} lines of
 * jpackage's {@code launcher.args} (packaging/jpackage), the one place they are written, which the
 * build copies beside this class. The bench starts the dev jar, its bare reference and its memory
 * probes with them, so what it measures is the app as it is launched. The file's {@code -D}
 * options are the installed app's own (where its log goes) and are not flags.
 */
final class AppJvmFlags {
  static final String RESOURCE = "launcher.args";
  private static final String OPTION = "--java-options ";

  private AppJvmFlags() {}

  static List<String> list() {
    try (InputStream in = AppJvmFlags.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " beside " + AppJvmFlags.class.getName() + ": build with Maven");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> parse(String launcherArgs) {
    return launcherArgs.lines()
        .map(String::strip)
        .filter(line -> line.startsWith(OPTION))
        .map(line -> line.substring(OPTION.length()).strip())
        .filter(option -> option.startsWith("-XX:"))
        .toList();
  }
}
