package concurrencylab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * From starting the app's process to the end of its window's first frame: the app is launched as a
 * user would (same java and class path, no extra JVM flags) with a hidden flag that makes it print
 * the wall-clock time once its first frame is drawn, and exit. There is no display here, so the
 * window is drawn by Monocle's headless screen in software.
 */
final class StartToFirstFrame {
  static final double TARGET_MS = 1500;
  static final String PROBE_FLAG = "--first-frame-and-exit";
  static final String PROBE_OUTPUT = "first-frame-epoch-ms ";
  private static final List<String> HEADLESS =
      List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1080-32");

  private final int runs;

  StartToFirstFrame(int runs) {
    this.runs = runs;
  }

  List<Figure> measure() throws IOException, InterruptedException {
    Samples samples = new Samples();
    for (int i = 0; i < runs; i++) {
      samples.add(launchOnce());
    }
    return List.of(Figure.atMost("start_to_first_frame_median", samples.median(), "ms", TARGET_MS));
  }

  private static double launchOnce() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(HEADLESS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("concurrencylab.Main");
    command.add(PROBE_FLAG);
    long launched = System.currentTimeMillis();
    Process app = ProcessTimeout.endAfter(new ProcessBuilder(command).redirectErrorStream(true).start(), 60);
    Long frame = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(PROBE_OUTPUT)) {
          frame = Long.parseLong(line.substring(PROBE_OUTPUT.length()).trim());
        } else if (output.size() < 20) {
          output.add(line);
        }
      }
    }
    if (!app.waitFor(60, TimeUnit.SECONDS)) {
      app.destroyForcibly();
    }
    if (frame == null) {
      throw new IOException("the app did not report its first frame: " + String.join(" | ", output));
    }
    return frame - launched;
  }
}
