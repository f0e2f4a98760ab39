package concurrencylab.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The app's own class-data archive ({@code app.jsa} beside its jar): a dynamic AppCDS archive of
 * every class, lambda form and lambda proxy the app loads until its first frame, made by one
 * training start of the app ({@code -XX:ArchiveClassesAtExit}). A start with
 * {@code -XX:SharedArchiveFile=app.jsa} maps them instead of loading, verifying and spinning them.
 *
 * <p>On JDK 17 the archive holds only for the very class path it was made with (absolute paths,
 * sizes and dates of the jars) and for the same JVM: the JVM checks that itself and starts without
 * it otherwise. So it is made where the app runs: by the build beside {@code target/} (the pom's
 * {@code app-archive} execution), and by the {@code .deb}'s postinst in {@code /opt} (packaging/).
 * JDK 19's {@code -XX:+AutoCreateSharedArchive} would do this on its own; 17 has no such thing.
 */
public final class AppArchive {
  static final String FILE_NAME = "app.jsa";

  private AppArchive() {}

  /** {@code app.jsa} beside the jar (or classes folder) the app was loaded from, when it is there. */
  static Optional<Path> existing() {
    return location().filter(Files::isRegularFile);
  }

  static Optional<Path> location() {
    try {
      Path code = Path.of(AppArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Optional.ofNullable(code.toAbsolutePath().getParent()).map(dir -> dir.resolve(FILE_NAME));
    } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The class path of this JVM with every entry absolute, as the archive is made for and used with. */
  static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Makes the archive with a training start of the app to its first frame (headless, with settings
   * of its own); run by the build after the jar ({@code java -cp target/concurrency-lab.jar
   * concurrencylab.bench.AppArchive}). A failure only means the app starts without it: it is
   * reported and the build goes on.
   */
  public static void main(String[] args) throws InterruptedException {
    Optional<Path> archive = args.length > 0 ? Optional.of(Path.of(args[0]).toAbsolutePath()) : location();
    if (archive.isEmpty()) {
      System.err.println("app archive: no place for it next to the app's classes; the app starts without one");
      return;
    }
    try {
      make(archive.get());
      System.out.println("app archive: " + archive.get());
    } catch (IOException | RuntimeException e) {
      System.err.println("app archive not made (" + e.getMessage() + "); the app starts without one");
    }
  }

  static void make(Path archive) throws IOException, InterruptedException {
    Files.deleteIfExists(archive);
    Path settings = Files.createTempDirectory("concurrency-lab-app-archive-");
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:ArchiveClassesAtExit=" + archive);
      command.addAll(AppJvmFlags.list());
      command.addAll(StartToFirstFrame.HEADLESS);
      command.add("-Dconcurrencylab.config.dir=" + settings);
      command.addAll(List.of("-cp", absoluteClassPath(), "concurrencylab.Main", StartToFirstFrame.PROBE_FLAG));
      Process training = ProcessTimeout.endAfter(new ProcessBuilder(command).redirectErrorStream(true).start(), 120);
      String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!training.waitFor(120, TimeUnit.SECONDS) || training.exitValue() != 0 || !Files.isRegularFile(archive)) {
        training.destroyForcibly();
        throw new IOException("the training start wrote no archive: "
            + output.lines().filter(line -> !line.contains("Pre JDK 6 class")).limit(10).toList());
      }
    } finally {
      try (var files = Files.walk(settings)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
