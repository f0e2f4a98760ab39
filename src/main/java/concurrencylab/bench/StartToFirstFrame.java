package concurrencylab.bench;

import concurrencylab.ui.app.FirstFrameProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * From starting a process to the end of its window's first frame, for the app and for {@link
 * BareFxWindow} (seven empty tabs), launched the same way and in turn, run by run, so both see the
 * same machine: same java, same class-path policy, same flags. Each prints the wall-clock time once
 * its first frame is drawn ({@link FirstFrameProbe}), then once it is complete (the frame after the
 * work its first frame went without: the app's code panels), and ends. There is no display here, so
 * windows are drawn by Monocle's headless screen in software. The figure is the ratio of the
 * medians to the first frame; the medians to the complete frame are printed beside it.
 *
 * <p>From the dev jar: this JVM's java and class path (made absolute) and the launcher's JVM flags
 * ({@link AppJvmFlags}) for both, plus the app's class-data archive when the build made one
 * ({@link AppArchive}). Installed: the app's own launcher, and the
 * bare window started by the installed runtime with the installed jars and the launcher's options;
 * the headless settings reach both through {@code JAVA_TOOL_OPTIONS}, the one way into a jpackage
 * launcher's JVM.
 */
final class StartToFirstFrame {
  static final double TARGET_RATIO = 1.2;
  static final double INSTALLED_TARGET_RATIO = 1.3;
  static final String PROBE_FLAG = "--first-frame-and-exit";
  static final List<String> HEADLESS =
      List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1080-32");
  private static final String MAIN = "concurrencylab.Main";

  private final int runs;

  StartToFirstFrame(int runs) {
    this.runs = runs;
  }

  /** A process to start and time: its command and what it adds to the environment. */
  record Launch(List<String> command, Map<String, String> environment) {}

  List<Figure> measure(List<String> notes) throws IOException, InterruptedException {
    Path settings = Files.createTempDirectory("concurrencylab-bench-settings-");
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = AppArchive.absoluteClassPath();
      List<String> app = new ArrayList<>(List.of(java));
      Optional<Path> archive = AppArchive.existing();
      archive.ifPresent(file -> app.add("-XX:SharedArchiveFile=" + file));
      notes.add(archive.map(file -> "the app starts with its class-data archive " + file)
          .orElse("the app starts without a class-data archive (run `mvn package` to make target/" + AppArchive.FILE_NAME + ")"));
      app.addAll(AppJvmFlags.list());
      app.addAll(HEADLESS);
      app.addAll(List.of("-Dconcurrencylab.config.dir=" + settings, "-cp", classPath, MAIN, PROBE_FLAG));
      List<String> bare = new ArrayList<>(List.of(java));
      bare.addAll(AppJvmFlags.list());
      bare.addAll(HEADLESS);
      bare.addAll(List.of("-cp", classPath, BareFxWindow.class.getName()));
      return pair("start_to_first_frame", new Launch(app, Map.of()), new Launch(bare, Map.of()), TARGET_RATIO, notes);
    } finally {
      delete(settings);
    }
  }

  List<Figure> measureInstalled(InstalledApp installed, List<String> notes) throws IOException, InterruptedException {
    Path settings = Files.createTempDirectory("concurrencylab-bench-settings-");
    try {
      List<String> headless = new ArrayList<>(HEADLESS);
      headless.add("-Dconcurrencylab.config.dir=" + settings);
      Map<String, String> environment = Map.of("JAVA_TOOL_OPTIONS", String.join(" ", headless));
      Launch app = new Launch(List.of(installed.launcher().toString(), PROBE_FLAG), environment);
      List<String> bare = new ArrayList<>(List.of(installed.java().toString()));
      // the launcher's options, but not the app's own class-data archive: the bare window has none
      installed.launcherJavaOptions().stream().filter(option -> !option.startsWith("-XX:SharedArchiveFile=")).forEach(bare::add);
      bare.addAll(List.of("-cp", installed.jar().toString(), BareFxWindow.class.getName()));
      notes.add("installed app measured from " + installed.folder() + ", launcher options " + installed.launcherJavaOptions());
      return pair("start_to_first_frame_installed", app, new Launch(bare, environment), INSTALLED_TARGET_RATIO, notes);
    } finally {
      delete(settings);
    }
  }

  private List<Figure> pair(String name, Launch app, Launch bare, double target, List<String> notes) throws IOException, InterruptedException {
    Samples appTimes = new Samples();
    Samples bareTimes = new Samples();
    Samples appComplete = new Samples();
    Samples bareComplete = new Samples();
    if (runs > 1) {
      launchOnce(bare, notes); // the first start reads the jars from disk: not measured
    }
    boolean allComplete = true;
    for (int i = 0; i < runs; i++) {
      Frames appFrames = launchOnce(app, notes);
      appTimes.add(appFrames.first());
      Frames bareFrames = launchOnce(bare, notes);
      bareTimes.add(bareFrames.first());
      allComplete &= appFrames.complete().isPresent() && bareFrames.complete().isPresent();
      appFrames.complete().ifPresent(appComplete::add);
      bareFrames.complete().ifPresent(bareComplete::add);
    }
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.ratioAtMost(name + "_ratio_app_to_bare", appTimes.median(), bareTimes.median(), target),
        Figure.of(name + "_app_median", appTimes.median(), "ms"),
        Figure.of(name + "_bare_median", bareTimes.median(), "ms")));
    if (allComplete) {
      String completeName = name.replace("first_frame", "complete_frame");
      figures.add(Figure.of(completeName + "_app_median", appComplete.median(), "ms"));
      figures.add(Figure.of(completeName + "_bare_median", bareComplete.median(), "ms"));
    } else {
      notes.add(name + ": a start did not report its complete frame (an app built before the probe reported one)");
    }
    return figures;
  }

  /** Milliseconds from launching a process to its first frame and to its complete frame. */
  private record Frames(double first, Optional<Double> complete) {}

  private static Frames launchOnce(Launch launch, List<String> notes) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectErrorStream(true);
    builder.environment().putAll(launch.environment());
    long launched = System.currentTimeMillis();
    Process process = ProcessTimeout.endAfter(builder.start(), 60);
    Long frame = null;
    Long complete = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(FirstFrameProbe.OUTPUT)) {
          frame = Long.parseLong(line.substring(FirstFrameProbe.OUTPUT.length()).trim());
        } else if (line.startsWith(FirstFrameProbe.COMPLETE_OUTPUT)) {
          complete = Long.parseLong(line.substring(FirstFrameProbe.COMPLETE_OUTPUT.length()).trim());
        } else if (output.size() < 20) {
          output.add(line);
        }
        if (line.contains("Unable to use shared archive")) {
          String note = "a class-data archive did not fit this class path or java and was not used: " + line.substring(line.indexOf("Unable"));
          if (!notes.contains(note)) {
            notes.add(note);
          }
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (frame == null) {
      throw new IOException(launch.command().get(launch.command().size() - 1) + " did not report its first frame: " + String.join(" | ", output));
    }
    return new Frames(frame - launched, Optional.ofNullable(complete).map(time -> (double) (time - launched)));
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
