package concurrencylab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app as the {@code .deb} installs it (jpackage's layout, {@code /opt/concurrency-lab} unless
 * the bench is told another folder): its launcher, its own runtime and its jars.
 */
record InstalledApp(Path folder) {
  static final Path STANDARD = Path.of("/opt/concurrency-lab");
  static final String LAUNCHER = "Concurrency Lab";

  Path launcher() {
    return folder.resolve("bin").resolve(LAUNCHER);
  }

  Path java() {
    return folder.resolve("lib/runtime/bin/java");
  }

  Path jar() {
    return folder.resolve("lib/app/concurrency-lab.jar");
  }

  Path config() {
    return folder.resolve("lib/app/" + LAUNCHER + ".cfg");
  }

  /** The installed app in {@code folder}, or why there is none to measure. */
  static Optional<InstalledApp> at(Path folder, List<String> notes) {
    InstalledApp app = new InstalledApp(folder.toAbsolutePath().normalize());
    for (Path needed : List.of(app.launcher(), app.java(), app.jar(), app.config())) {
      if (!Files.exists(needed)) {
        notes.add("installed app not measured: no " + needed + " (install the .deb, see packaging/README.md, or give its folder with --installed DIR)");
        return Optional.empty();
      }
    }
    return Optional.of(app);
  }

  /** The JVM options the launcher gives the app ({@code java-options=} of its .cfg), $APPDIR filled in. */
  List<String> launcherJavaOptions() throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(config())) {
      if (line.startsWith("java-options=")) {
        options.add(line.substring("java-options=".length()).replace("$APPDIR", folder.resolve("lib/app").toString()));
      }
    }
    return options;
  }
}
