package concurrencylab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.HeadlessFxForTests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs every measurement of the bench in a tiny plan: the figures' lines, not their values. */
class BenchCommandTest {
  private static final Pattern FIGURE =
      Pattern.compile("[a-z0-9_]+ -?[0-9]+(\\.[0-9]+)? [^ ]+( (PASS|FAIL) \\(target (<=|>=) [0-9.]+ [^ ]+\\))?");

  @Test
  void everyFigureIsPrintedAsNameValueUnitWithItsVerdict() throws Exception {
    HeadlessFxForTests.start(); // before the bench starts JavaFX its own way
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = BenchCommand.run(BenchCommand.Plan.smoke(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));

    assertThat(status).as("output:%n%s", String.join("\n", lines)).isZero();
    List<String> figures = lines.stream().filter(line -> !line.startsWith("#")).toList();
    assertThat(figures).allSatisfy(line -> assertThat(line).matches(FIGURE));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("record_throughput_64_producers ").containsPattern(" (PASS|FAIL) "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("record_events_lost 0 "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("frame_cost_10k_fit_median "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("print_to_pixel_p99 ").containsPattern(" (PASS|FAIL) "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("print_to_pixel_lines_missed 0 "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("worker_spawn_8_java_median "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("start_to_first_frame_median ").containsPattern(" (PASS|FAIL) "));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("# targets: "));
  }

  @Test
  void badArgumentsExitWith2AndSayWhatWasWrongWithoutMeasuring() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = BenchCommand.run(List.of("--quik"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("bench: Unknown option: '--quik'%nusage: bench [--quick]%n".formatted());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

    out.reset();
    err.reset();
    assertThat(BenchCommand.run(List.of("--memory-probe", "many"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bench: Invalid value for option '--memory-probe': 'many' is not a long");
  }

  @Test
  void aFigureSaysWhetherItMeetsItsTarget() {
    assertThat(Figure.atMost("frame", 3.25, "ms", 8).line()).isEqualTo("frame 3.25 ms PASS (target <= 8 ms)");
    assertThat(Figure.atLeast("rate", 999_999, "events/s", 1_000_000).line()).isEqualTo("rate 999999 events/s FAIL (target >= 1000000 events/s)");
    assertThat(Figure.of("rss", 31.04, "MiB").line()).isEqualTo("rss 31.0 MiB");
    assertThat(Figure.label(10_000_000)).isEqualTo("10m");
  }
}
