package concurrencylab.ui.app;

import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.RunExports;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a recorded run says about itself comes from the run, not from the controls: run, then move
 * every control, and the export, the status line and the command line still name the run that
 * happened; the Python panel, which says it shows what Run runs now, follows the controls.
 */
class RecordedRunTest extends LabWindowFixture {
  @Override
  protected double width() {
    return 1600;
  }

  @Override
  protected double height() {
    return 900;
  }

  @TempDir Path temporary;




  /** Moves a slider to one end with the keyboard, as a person does: click its thumb, press Home or End. */
  private static void sliderTo(FxRobot robot, String id, KeyCode end) {
    robot.clickOn("#slider-" + id + " .thumb");
    robot.type(end);
  }

  @Test
  void exportsStatusAndCommandNameTheRecordedRunAfterTheControlsMovedAndTheScriptTheControls(FxRobot robot) throws Exception {
    robot.clickOn("#tab-pool");
    LessonTab tab = onFx(window::selected);
    assertThat(tab.lesson().id()).isEqualTo("pool");
    sliderTo(robot, "processes", KeyCode.HOME);
    sliderTo(robot, "tasks", KeyCode.HOME);
    robot.clickOn("#seed-field").eraseText(4).write("5");
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    String recorded = "--processes 1 --tasks 1 --sleepSeconds 0-3 --failingTask none --seed 5";

    sliderTo(robot, "processes", KeyCode.END);
    sliderTo(robot, "tasks", KeyCode.END);
    sliderTo(robot, "failingTask", KeyCode.END);
    robot.clickOn("#new-seed");
    assertThat(onFx(() -> ((javafx.scene.control.Slider) robot.lookup("#slider-processes").query()).getValue())).isEqualTo(8.0);

    assertThat(String.join(" ", onFx(() -> tab.shownRun().arguments()))).isEqualTo(recorded);
    Path json = temporary.resolve("pool.json");
    robot.interact(() -> {
      try {
        RunExports.write(tab, window, RunExports.Format.CHROME_TRACE, json);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    JsonNode about = new ObjectMapper().readTree(json.toFile()).path("otherData");
    assertThat(about.path("parameters").asText()).isEqualTo(recorded);
    assertThat(about.path("command").asText()).contains("record pool " + recorded);
    assertThat(about.path("language").asText()).isEqualTo("en");
    assertThat(onFx(window::copyCommandLine)).contains("record pool " + recorded + " --out pool.json");
    Path png = temporary.resolve("pool.png");
    robot.interact(() -> {
      try {
        RunExports.write(tab, window, RunExports.Format.TIMELINE_PNG, png);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(pngText(png)).containsEntry("parameters", recorded).containsEntry("lesson", "pool");
    Path csv = temporary.resolve("pool.csv");
    robot.interact(() -> {
      try {
        RunExports.write(tab, window, RunExports.Format.CSV, csv);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(java.nio.file.Files.readAllLines(csv).get(0)).as("the CSV itself starts with its header").isEqualTo(concurrencylab.export.CsvWriter.HEADER);
    JsonNode csvFacts = new ObjectMapper().readTree(concurrencylab.export.CsvWriter.metadataFile(csv).toFile()).path("notes").path(0);
    assertThat(csvFacts.path("parameters").asText()).isEqualTo(recorded);
    assertThat(csvFacts.path("seed").asText()).isEqualTo("5");
    assertThat(csvFacts.path("lesson").asText()).isEqualTo("pool");
    assertThat(csvFacts.path("started").asText()).isEqualTo(about.path("started").asText());
    assertThat(csvFacts.path("command").asText()).isEqualTo(about.path("command").asText());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> ((StatusBar) robot.lookup("#status-bar").query()).getText()).contains(recorded));
    // the Python panel says what Run runs now: the controls' values, not the recorded run's
    String python = onFx(() -> String.join("\n", tab.code().python().lines()));
    assertThat(python).contains("PROCESSES = 8\n", "TASKS = 50\n").doesNotContain("PROCESSES = 1\n", "SEED = 5\n");
  }

  /** The text chunks of a PNG, keyword to value. */
  private static java.util.Map<String, String> pngText(Path png) throws Exception {
    java.util.Map<String, String> texts = new java.util.HashMap<>();
    try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(png.toFile())) {
      javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReaders(in).next();
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
}
