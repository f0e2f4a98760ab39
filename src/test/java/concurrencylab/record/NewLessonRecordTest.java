package concurrencylab.record;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.countdown.CountdownLesson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless recorder takes a new lesson's controls from the lesson itself: nothing to add for it. */
class NewLessonRecordTest {
  @TempDir Path folder;

  @Test
  void aLessonOnlyTheTestsKnowIsRecordedWithItsOwnOption() throws Exception {
    List<Lesson> lessons = new ArrayList<>(LessonRegistry.createAll());
    lessons.add(new CountdownLesson());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path json = folder.resolve("countdown.json");
    int status = new RecordCommand(lessons, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of("countdown", "--from", "2", "--out", json.toString()));
    assertThat(status).as("exit; stderr: %s", err).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("[counter] 2", "[counter] 1").doesNotContain("[counter] 3");
    assertThat(Files.readString(json)).contains("\"lesson\" : \"countdown\"".replace(" : ", ":"), "--from 2");

    ByteArrayOutputStream help = new ByteArrayOutputStream();
    new RecordCommand(lessons, new PrintStream(help, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of("countdown", "--help"));
    assertThat(help.toString(StandardCharsets.UTF_8)).contains("--from", "Count down from");
  }
}
