package concurrencylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.LaunchOptions;
import concurrencylab.ui.look.Theme;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The window's options, checked before any window: a mistake is one line and exit status 2. */
class LabCommandTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final List<LaunchOptions> opened = new ArrayList<>();

  private int launch(String... args) throws Exception {
    outBytes.reset();
    errBytes.reset();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    return LabCommand.run(List.of(args), out, err, (options, o, e) -> {
      opened.add(options);
      return 7;
    });
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private void assertRefused(String message, String... args) throws Exception {
    assertThat(launch(args)).as(String.join(" ", args)).isEqualTo(LabCommand.USAGE);
    assertThat(err()).as(String.join(" ", args)).isEqualTo("concurrency-lab: " + message + " (see --help)" + System.lineSeparator());
    assertThat(opened).as("no window for " + String.join(" ", args)).isEmpty();
  }

  @Test
  void badOptionsAreOneLineAndExitStatus2WithNoWindow() throws Exception {
    assertRefused("--theme takes light, dark, high_contrast, not 'foo'", "--theme", "foo");
    assertRefused("--present takes a scale from 1.0 to 2.5, not 3", "--tour", "shots", "--present", "3");
    assertRefused("--present takes a scale from 1.0 to 2.5, not 'big'", "--present", "big");
    assertRefused("--language takes en or zh-CN, not 'fr'", "--language", "fr");
    assertRefused("--only pool needs --tour DIR: only a tour visits one tab", "--only", "pool");
    assertRefused("--only takes a tab: one of " + String.join(", ", LabCommand.lessonIds()) + "; not 'pol'", "--tour", "shots", "--only", "pol");
    assertRefused("Missing required parameter for option '--tour' (DIR)", "--tour");
    assertRefused("Unknown options: '--colour', 'red'", "--colour", "red");
  }

  @Test
  void theWindowGetsItsOptionsCheckedAndTyped() throws Exception {
    assertThat(launch("--tour", "shots", "--only", "pool", "--theme", "High-Contrast", "--present", "1.5", "--language", "zh-CN")).isEqualTo(7);
    assertThat(opened).containsExactly(new LaunchOptions(Path.of("shots"), "pool", Theme.HIGH_CONTRAST, 1.5, Locale.SIMPLIFIED_CHINESE, false));

    opened.clear();
    assertThat(launch("--first-frame-and-exit")).isEqualTo(7);
    assertThat(opened).containsExactly(new LaunchOptions(null, null, null, null, null, true));
    assertThat(err()).isEmpty();

    opened.clear();
    assertThat(launch()).isEqualTo(7);
    assertThat(opened).containsExactly(LaunchOptions.window());
    assertThat(launch("--first-frame-and-exit", "--theme", "dark")).isEqualTo(7);
    assertThat(opened).last().isEqualTo(new LaunchOptions(null, null, Theme.DARK, null, null, true));
    opened.clear();
    assertRefused("Unknown option: '--first-frame-and-exit-now'", "--first-frame-and-exit-now");
  }

  @Test
  void recordAndBenchAreCommandsOfTheirOwn() throws Exception {
    assertThat(launch("record", "pool", "--tasks", "0", "--out", "x.json")).isEqualTo(2);
    assertThat(err()).startsWith("record: --tasks takes a whole number from 1 to 50, not 0");
    assertThat(launch("bench", "--slow")).isEqualTo(2);
    assertThat(err()).startsWith("bench: Unknown option: '--slow'");
    assertThat(opened).isEmpty();
  }

  /** The jar as a lecturer starts it: the mistake is reported before JavaFX is even loaded. */
  @Test
  void theLauncherExitsWith2OnABadThemeWithoutStartingJavaFx() throws Exception {
    Process app = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-verbose:class", "-cp", System.getProperty("java.class.path"), "concurrencylab.Main", "--theme", "foo")
        .redirectErrorStream(false)
        .start();
    app.getOutputStream().close();
    String stdout = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(app.exitValue()).as(stderr).isEqualTo(2);
    assertThat(stderr).isEqualTo("concurrency-lab: --theme takes light, dark, high_contrast, not 'foo' (see --help)" + System.lineSeparator());
    assertThat(stdout).as("classes loaded").doesNotContain("javafx.application.Application ");
  }

  /** The usual start parses nothing, so it loads no parser (its Java 5 classes are slow to load). */
  @Test
  void theWindowAloneStartsWithoutTheParser(@org.junit.jupiter.api.io.TempDir Path settings) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class"));
    for (String headless : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text", "headless.geometry")) {
      command.add("-D" + headless + "=" + System.getProperty(headless));
    }
    command.addAll(List.of("-Dconcurrencylab.config.dir=" + settings, "-cp", System.getProperty("java.class.path"),
        "concurrencylab.Main", LabCommand.FIRST_FRAME_PROBE));
    Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
    app.getOutputStream().close();
    String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(app.exitValue()).as(output).isZero();
    assertThat(output).as("the window drew its first frame").contains("first-frame-epoch-ms ");
    assertThat(output).as("classes loaded").doesNotContain("picocli.CommandLine ");
  }
}
