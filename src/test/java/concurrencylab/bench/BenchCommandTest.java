package concurrencylab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concurrencylab.ui.app.HeadlessFxForTests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every measurement of the bench in a tiny plan (the figures' lines, not their values), and checks the verdicts and the JSON. */
class BenchCommandTest {
  private static final Pattern FIGURE =
      Pattern.compile("[a-z0-9_]+ -?[0-9]+(\\.[0-9]+)? [^ ]+( (PASS|FAIL) \\(target (<=|>=) [0-9.]+ [^ ]+\\))?");
  private static final Pattern VERDICT = Pattern.compile(".* (PASS|FAIL) \\(target <= [0-9.]+ x\\)");

  @TempDir Path folder;

  @Test
  void everyFigureIsPrintedAsNameValueUnitWithItsVerdictAndWrittenAsJson() throws Exception {
    HeadlessFxForTests.start(); // before the bench starts JavaFX its own way
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path json = folder.resolve("bench.json");
    int status = BenchCommand.run(BenchCommand.Plan.smoke(), folder.resolve("not-installed"), json, List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));

    assertThat(status).as("output:%n%s", String.join("\n", lines)).isZero();
    assertThat(lines.get(0)).matches("# Concurrency Lab bench, \\d{4}-\\d\\d-\\d\\d, \\d+ cores, load average ([0-9.]+ [0-9.]+ [0-9.]+|unknown) .*");
    List<String> figures = lines.stream().filter(line -> !line.startsWith("#")).toList();
    assertThat(figures).allSatisfy(line -> assertThat(line).matches(FIGURE));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("record_throughput_64_producers ").containsPattern(" (PASS|FAIL) "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("record_events_lost 0 "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("frame_cost_10k_fit_median "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("print_to_pixel_lines_missed 0 lines PASS (target <= 0 lines)"));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("print_to_pixel_p99_minus_frame_interval ").containsPattern(" (PASS|FAIL) \\(target <= 4 ms\\)"));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("worker_spawn_8_java_median "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("start_to_first_frame_ratio_app_to_bare ").matches(VERDICT));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("start_to_first_frame_bare_median "));
    // and when each window was complete: the app's with its code panels, made just after its first frame
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("start_to_complete_frame_app_median "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("start_to_complete_frame_bare_median "));
    assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("memory_rss_ratio_after_64k_event_run_to_idle ").matches(VERDICT));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("# installed app not measured: no " + folder.resolve("not-installed")));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("# targets: "));

    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("date").asText()).isEqualTo(LocalDate.now().toString());
    assertThat(report.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(report.get("figures")).hasSize(figures.size());
    for (int i = 0; i < figures.size(); i++) {
      assertThat(figures.get(i)).startsWith(report.get("figures").get(i).get("name").asText() + " ");
    }
    assertThat(report.get("notes").toString()).contains("installed app not measured");
  }

  @Test
  void theJsonHoldsEachFigureWithItsTargetAndVerdict() throws Exception {
    Machine machine = new Machine(LocalDate.of(2026, 12, 1), 2, "0.50 0.70 0.90", "OpenJDK 17", "Linux amd64");
    List<Figure> figures = List.of(
        Figure.ratioAtMost("start_ratio", 3, 2, 1.2),
        Figure.atLeast("rate", 2_000_000, "events/s", 1_000_000),
        Figure.of("start_ms", 1500, "ms"),
        Figure.ratioAtMost("nothing_to_divide_by", 1, 0, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.write(bytes, machine, "1.00 0.80 0.90", figures, List.of("a note"));

    JsonNode report = new ObjectMapper().readTree(bytes.toByteArray());
    assertThat(report.get("date").asText()).isEqualTo("2026-12-01");
    assertThat(report.get("cores").asInt()).isEqualTo(2);
    assertThat(report.get("loadAverageBefore").asText()).isEqualTo("0.50 0.70 0.90");
    assertThat(report.get("loadAverageAfter").asText()).isEqualTo("1.00 0.80 0.90");
    JsonNode ratio = report.get("figures").get(0);
    assertThat(ratio.get("name").asText()).isEqualTo("start_ratio");
    assertThat(ratio.get("value").asDouble()).isEqualTo(1.5);
    assertThat(ratio.get("unit").asText()).isEqualTo("x");
    assertThat(ratio.get("target").asDouble()).isEqualTo(1.2);
    assertThat(ratio.get("comparison").asText()).isEqualTo("<=");
    assertThat(ratio.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(report.get("figures").get(1).get("comparison").asText()).isEqualTo(">=");
    assertThat(report.get("figures").get(1).get("verdict").asText()).isEqualTo("PASS");
    JsonNode raw = report.get("figures").get(2);
    assertThat(raw.get("target").isNull()).isTrue();
    assertThat(raw.get("verdict").isNull()).isTrue();
    JsonNode undefined = report.get("figures").get(3);
    assertThat(undefined.get("value").isNull()).isTrue();
    assertThat(undefined.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(report.get("notes").get(0).asText()).isEqualTo("a note");
    assertThat(report.get("targets").asInt()).isEqualTo(3);
    assertThat(report.get("passed").asInt()).isEqualTo(1);
  }

  @Test
  void badArgumentsExitWith2AndSayWhatWasWrongWithoutMeasuring() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = BenchCommand.run(List.of("--quik"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("bench: Unknown option: '--quik'%nusage: bench [--quick] [--json FILE] [--installed DIR] [--only SECTION,…]%n".formatted());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

    out.reset();
    err.reset();
    assertThat(BenchCommand.run(List.of("--memory-probe", "many"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bench: Invalid value for option '--memory-probe': 'many' is not a long");

    err.reset();
    assertThat(BenchCommand.run(List.of("--json"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bench: Missing required parameter for option '--json' (FILE)");

    err.reset();
    assertThat(BenchCommand.run(List.of("--only", "frame,speed"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bench: no section's name contains 'speed'; the sections: record throughput, frame cost,");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void onlyTheChosenSectionsAreMeasured() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = BenchCommand.run(List.of("--quick", "--only", "throughput"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> figures = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\\R")).filter(line -> !line.startsWith("#")).toList();

    assertThat(status).isZero();
    assertThat(figures).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("record_"));
  }

  @Test
  void aFigureSaysWhetherItMeetsItsTarget() {
    assertThat(Figure.atMost("frame", 3.25, "ms", 8).line()).isEqualTo("frame 3.25 ms PASS (target <= 8 ms)");
    assertThat(Figure.atLeast("rate", 999_999, "events/s", 1_000_000).line()).isEqualTo("rate 999999 events/s FAIL (target >= 1000000 events/s)");
    assertThat(Figure.of("rss", 31.04, "MiB").line()).isEqualTo("rss 31.0 MiB");
    assertThat(Figure.atMost("lines_missed", 1, "lines", 0).line()).isEqualTo("lines_missed 1 lines FAIL (target <= 0 lines)");
    assertThat(Figure.label(10_000_000)).isEqualTo("10m");
  }

  @Test
  void aRatioIsTheQuotientOfItsTwoMeasurementsAndPassesOnlyWithinItsLimit() {
    assertThat(Figure.ratioAtMost("start", 1800, 1500, 1.2).line()).isEqualTo("start 1.20 x PASS (target <= 1.20 x)");
    assertThat(Figure.ratioAtMost("start", 1801, 1500, 1.2).passes()).isFalse();
    assertThat(Figure.ratioAtMost("spawn", 150, 200, 0.75).value()).isEqualTo(0.75);
    assertThat(Figure.ratioAtMost("spawn", 150, 200, 0.75).passes()).isTrue();
    assertThat(Figure.ratioAtMost("spawn", 160, 200, 0.75).passes()).isFalse();
    // no denominator measured: no ratio, and no PASS for it
    assertThat(Figure.ratioAtMost("spawn", 150, Double.NaN, 0.75).passes()).isFalse();
    assertThat(Figure.ratioAtMost("spawn", 150, 0, 0.75).line()).isEqualTo("spawn NaN x FAIL (target <= 0.75 x)");
  }

  @Test
  void theFrameTargetsAreRatiosOfTheMediansToTheFrameIntervalAndToTheSmallRun() {
    List<Figure> medians = new ArrayList<>();
    medians.add(Figure.of("frame_cost_10k_fit_median", 5, "ms"));
    medians.add(Figure.of("frame_cost_1m_fit_median", 5.5, "ms"));
    medians.add(Figure.of("frame_cost_10m_fit_median", 20, "ms"));
    medians.add(Figure.of("frame_cost_1m_fit_p99", 99, "ms")); // not a median: not used
    medians.add(Figure.of("frame_cost_10k_zoom1pct_median", 2, "ms"));
    medians.add(Figure.of("frame_cost_1m_zoom1pct_median", 9, "ms"));

    List<Figure> ratios = FrameCost.ratios(medians);

    assertThat(ratios).extracting(Figure::name).containsExactly(
        "frame_1m_fit_to_frame_interval", "frame_1m_to_10k_fit", "frame_10m_fit_to_frame_interval",
        "frame_1m_zoom1pct_to_frame_interval", "frame_1m_to_10k_zoom1pct");
    assertThat(ratios.get(0).value()).isCloseTo(5.5 / (1000.0 / 60), within(1e-9));
    assertThat(ratios.get(0).passes()).isTrue(); // 0.33 <= 0.5
    assertThat(ratios.get(1).value()).isCloseTo(1.1, within(1e-9));
    assertThat(ratios.get(1).passes()).isTrue();
    assertThat(ratios.get(2).value()).isCloseTo(1.2, within(1e-9));
    assertThat(ratios.get(2).passes()).isFalse(); // 20 ms > one frame interval
    assertThat(ratios.get(3).passes()).isFalse(); // 9 ms is 0.54 of the interval
    assertThat(ratios.get(4).value()).isCloseTo(4.5, within(1e-9));
    assertThat(ratios.get(4).passes()).isFalse();
  }
}
