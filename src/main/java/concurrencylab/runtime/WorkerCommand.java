package concurrencylab.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line that starts the app again in worker mode: the running JVM's own {@code java}
 * and class path, found from this process, as an argument array (never through a shell). JavaFX
 * and the other UI libraries are left off the class path because a worker does not need them, and
 * the JVM is told it will be small and short-lived, which makes it start faster. When the build
 * made a {@link WorkerArchive} for exactly this command, the worker maps its classes from it.
 */
public final class WorkerCommand {
  static final String MAIN_CLASS = "concurrencylab.Main";
  private static final List<String> UI_ONLY_JARS = List.of(
      "javafx-", "controlsfx-", "openjfx-monocle-", "richtextfx-", "flowless-", "reactfx-", "undofx-", "wellbehavedfx-");
  private static final List<String> SMALL_JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          // compile later: a worker's start is mostly run-once code, and lesson tasks mostly wait
          "-XX:CompileThresholdScaling=10",
          // G1, the one collector that can map the JDK's archived heap objects and module graph
          "-XX:+UseG1GC",
          "-XX:-UsePerfData",
          "-Xshare:auto",
          // map the archive at the address it was made for, not elsewhere with every pointer in it
          // patched (this JDK relocates by default, for address randomisation): ~4 ms of each start
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:ArchiveRelocationMode=0",
          // no machine code for ciphers, hashes and Base64, which a worker never uses: generating it
          // is ~4 ms of each start
          "-XX:-UseAES",
          "-XX:-UseSHA",
          "-XX:-UseBASE64Intrinsics",
          "-XX:-UseGHASHIntrinsics",
          "-XX:-UseMD5Intrinsics",
          "-Xss512k",
          "-Xms8m",
          "-Xmx64m",
          // the JVM's own warnings go to stderr, so stdout carries only the protocol and prints
          "-Xlog:disable",
          "-Xlog:all=warning:stderr");

  private WorkerCommand() {}

  public static List<String> forOrigin(long originNanos) {
    List<String> base = base();
    List<String> command = new ArrayList<>(base);
    WorkerArchive.flagFor(base).ifPresent(flag -> command.add(1, flag));
    command.add(Long.toString(originNanos));
    return command;
  }

  /** The command without the archive and the origin: what an archive is made for. */
  static List<String> base() {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(SMALL_JVM_FLAGS);
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(workerClassPath(System.getProperty("java.class.path")));
    command.add(MAIN_CLASS);
    command.add(WorkerMain.MODE);
    return command;
  }

  static String javaExecutable() {
    boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
        .toString();
  }

  /**
   * The class path minus the UI-only jars, each entry made absolute: the same worker command
   * whatever folder the app was started from, so that a worker archive made at build time fits.
   */
  static String workerClassPath(String classPath) {
    List<String> kept = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      String fileName = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
      if (UI_ONLY_JARS.stream().noneMatch(fileName::startsWith)) {
        kept.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(File.pathSeparator, kept);
  }
}
