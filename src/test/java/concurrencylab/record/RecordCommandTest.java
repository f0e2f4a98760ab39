package concurrencylab.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.timeline.TimelineImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless recorder, as it is typed: its arguments, its messages, its exit status, its files. */
class RecordCommandTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int record(String... args) {
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    return RecordCommand.run(List.of(args), out, err);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private void assertUsageError(String message, String... args) {
    outBytes.reset();
    errBytes.reset();
    assertThat(record(args)).as(String.join(" ", args)).isEqualTo(RecordCommand.USAGE);
    assertThat(err()).as(String.join(" ", args)).startsWith("record: " + message).contains("usage: java -jar");
  }

  @BeforeAll
  static void javaFxTheTestFxWay() throws Exception {
    HeadlessFxForTests.start(); // before the recorder starts JavaFX its own way
  }

  @Test
  void badArgumentsExitWith2AndSayWhatWasWrong() {
    String lessons = LessonRegistry.createAll().stream().map(Lesson::id).collect(Collectors.joining(", "));
    assertUsageError("which lesson? Give one of: " + lessons);
    assertUsageError("no lesson 'poool'; lessons: " + lessons, "poool", "--out", "x.json");
    assertUsageError("the lesson comes first, before --out", "--out", "x.json", "pool");
    assertUsageError("where to? Add --out FILE.json, FILE.csv or FILE.png", "pool");
    assertUsageError("where to? Add --out FILE.json, FILE.csv or FILE.png", "pool", "--tasks", "3");
    assertUsageError("--out run.txt: the file name must end in .json", "pool", "--out", "run.txt");
    assertUsageError("lesson pool has no parameter --children; it has --processes, --tasks, --sleepSeconds, --failingTask, --seed",
        "pool", "--children", "3", "--out", "x.json");
    assertUsageError("--tasks takes a whole number from 1 to 50, not 0", "pool", "--tasks", "0", "--out", "x.json");
    assertUsageError("--sleepSeconds takes a range", "pool", "--sleepSeconds", "fast", "--out", "x.json");
    assertUsageError("--join takes one of LAST_ONLY, ALL, not 'both'", "process", "--join", "both", "--out", "x.json");
    assertUsageError("--tasks needs a value", "pool", "--tasks", "--out", "x.json");
    assertUsageError("--out needs a value", "pool", "--out");
    assertUsageError("unexpected 'extra': options look like --name value", "pool", "extra", "--out", "x.json");
    assertUsageError("--timeout takes a number from 1 to 86400, not 0", "pool", "--timeout", "0", "--out", "x.json");
    assertThat(out()).isEmpty();
  }

  @Test
  void helpListsEveryLessonWithItsParameters() {
    assertThat(record("--help")).isEqualTo(RecordCommand.OK);
    String help = out();
    assertThat(help).contains("usage: java -jar target/concurrency-lab.jar record <lesson>");
    for (Lesson lesson : LessonRegistry.createAll()) {
      assertThat(help).contains("  " + lesson.id() + ": ");
      for (LessonParameter parameter : lesson.parameters()) {
        assertThat(help).contains("--" + parameter.key() + " ");
      }
    }
    assertThat(help).contains("--sleepSeconds LOW-HIGH", "--join LAST_ONLY|ALL", "--failingTask N|none", "now 0-3").doesNotContain("[param.");

    outBytes.reset();
    assertThat(record("pool", "--help")).isEqualTo(RecordCommand.OK);
    assertThat(out()).contains("pool: Pool", "--processes N").doesNotContain("--children");
  }

  /** The recorder names the run with the same facts as the window's exports, in JSON, CSV and PNG alike. */
  @Test
  void everyFormatCarriesTheRunsFactsUnderTheWindowsKeys(@TempDir Path dir) throws Exception {
    List<String> args = List.of("process", "--children", "1", "--maxSleepMillis", "0", "--seed", "9", "--quiet");
    java.util.Map<String, JsonNode> facts = new java.util.LinkedHashMap<>();
    for (String name : List.of("run.json", "run.csv", "run.png")) {
      Path file = dir.resolve(name);
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of("--out", file.toString()));
      assertThat(record(all.toArray(String[]::new))).as(err()).isEqualTo(RecordCommand.OK);
      ObjectMapper mapper = new ObjectMapper();
      facts.put(name, switch (name) {
        case "run.json" -> mapper.readTree(file.toFile()).get("otherData");
        case "run.csv" -> mapper.readTree(concurrencylab.export.CsvWriter.metadataFile(file).toFile()).path("notes").path(0);
        default -> mapper.valueToTree(pngText(file));
      });
    }
    for (java.util.Map.Entry<String, JsonNode> entry : facts.entrySet()) {
      JsonNode about = entry.getValue();
      assertThat(about.path("lesson").asText()).as(entry.getKey()).isEqualTo("process");
      assertThat(about.path("parameters").asText()).as(entry.getKey()).isEqualTo("--children 1 --maxSleepMillis 0 --join LAST_ONLY --seed 9");
      assertThat(about.path("seed").asText()).as(entry.getKey()).isEqualTo("9");
      assertThat(about.path("language").asText()).as(entry.getKey()).isEqualTo("en");
      assertThat(about.path("appVersion").asText()).as(entry.getKey()).isNotEmpty();
      assertThat(java.time.Instant.parse(about.path("started").asText())).as(entry.getKey()).isBefore(java.time.Instant.now());
      assertThat(about.path("command").asText()).as(entry.getKey()).contains("record process --children 1", "--out " + dir.resolve(entry.getKey()));
      assertThat(about.path("outcome").asText()).as(entry.getKey()).isNotEmpty();
    }
  }

  /** The text chunks of a PNG, keyword to value. */
  private static java.util.Map<String, String> pngText(Path png) throws Exception {
    java.util.Map<String, String> texts = new java.util.HashMap<>();
    try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
      javax.imageio.ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      for (org.w3c.dom.Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
        if (chunk.getNodeName().equals("tEXt")) {
          for (org.w3c.dom.Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            org.w3c.dom.NamedNodeMap attributes = entry.getAttributes();
            texts.put(attributes.getNamedItem("keyword").getNodeValue(), attributes.getNamedItem("value").getNodeValue());
          }
        }
      }
    }
    return texts;
  }

  @Test
  void aRealPoolRunWritesATraceWhoseWorkersAreDistinctProcesses(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.json");
    int status = record("pool", "--processes", "2", "--tasks", "3", "--sleepSeconds", "0-0.2", "--out", file.toString());

    assertThat(status).as(err()).isEqualTo(RecordCommand.OK);
    assertThat(out()).contains("[main] all subprocesses done.", "wrote " + file.toAbsolutePath());
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.get("otherData").get("command").asText()).contains("record pool --processes 2 --tasks 3 --sleepSeconds 0-0.2");
    long appPid = ProcessHandle.current().pid();
    List<Long> workerPids = new ArrayList<>();
    int tasks = 0;
    for (JsonNode e : root.get("traceEvents")) {
      if (e.get("ph").asText().equals("M") && e.get("name").asText().equals("process_name") && e.get("pid").asLong() != appPid) {
        workerPids.add(e.get("pid").asLong());
      }
      if (e.get("ph").asText().equals("B") && e.get("cat").asText().equals("task")) {
        tasks++;
      }
    }
    assertThat(workerPids).hasSize(2).doesNotHaveDuplicates();
    assertThat(tasks).isEqualTo(3);
  }

  @Test
  void aPngIsTheTimelineAtTwiceThePixels(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.png");
    int status = record("process", "--children", "2", "--maxSleepMillis", "100", "--quiet", "--width", "1000", "--out", file.toString());

    assertThat(status).as(err()).isEqualTo(RecordCommand.OK);
    BufferedImage png = ImageIO.read(file.toFile());
    int lanes = 3; // the parent and two children
    assertThat(png.getWidth()).isEqualTo(2000);
    assertThat(png.getHeight()).isEqualTo((int) Math.round(2 * TimelineImage.fittingHeight(lanes)));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < png.getHeight(); y += 4) {
      for (int x = 0; x < png.getWidth(); x += 4) {
        colours.add(png.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("a drawn timeline, not a blank picture").isGreaterThan(20);
    assertThat(out()).doesNotContain("[main]");
  }

  @Test
  void aRunThatTakesTooLongIsStoppedExits1AndIsWrittenAllTheSame(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slow.json");
    int status = record("pool", "--processes", "1", "--tasks", "2", "--sleepSeconds", "8", "--timeout", "1", "--quiet", "--out", file.toString());

    assertThat(status).isEqualTo(RecordCommand.FAILED);
    assertThat(err()).contains("the run took longer than 1 s; stopping it", "stopped: it took too long");
    assertThat(new ObjectMapper().readTree(file.toFile()).get("traceEvents").size()).isGreaterThan(0);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).as("workers left").isZero();
  }

  @Test
  void aCsvHasARowPerRecordedEvent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.csv");
    int status = record("process", "--children", "1", "--maxSleepMillis", "0", "--seed", "5", "--quiet", "--out", file.toString());

    assertThat(status).as(err()).isEqualTo(RecordCommand.OK);
    String csv = Files.readString(file);
    assertThat(csv).startsWith("time_ns,lane,lane_name,");
    assertThat(csv).contains(",PROCESS,", ",START,", ",END,", "Process-1");
    String events = out().replaceAll("(?s).*\\(\\d+ lanes, (\\d+) events\\).*", "$1");
    assertThat(csv.split("\r\n")).hasSize(1 + Integer.parseInt(events.trim()));
  }
}
