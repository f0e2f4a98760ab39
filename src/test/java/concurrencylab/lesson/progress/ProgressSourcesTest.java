package concurrencylab.lesson.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the code panels are cut from: the snippet markers in the Java, the parameter block of the Python. */
class ProgressSourcesTest {
  private static final Path SOURCE = Path.of("src/main/java/concurrencylab/lesson/progress/ProgressLesson.java");

  @Test
  void theJobCodeOfBothModesSitsBetweenOneStartAndOneEndMarker() throws Exception {
    List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    List<Integer> starts = indexesOf(lines, "// snippet:run:start");
    List<Integer> ends = indexesOf(lines, "// snippet:run:end");
    assertThat(starts).hasSize(1);
    assertThat(ends).hasSize(1);
    assertThat(lines.stream().filter(l -> l.contains("snippet:")).count()).as("markers, each on a line of its own").isEqualTo(2);
    List<String> region = lines.subList(starts.get(0) + 1, ends.get(0));
    String text = String.join("\n", region);
    assertThat(text).contains("private void uiThreadJob(", "new Task<>()", "Work.WAIT", "hash(pause)", "isCancelled()", "updateProgress(");
    assertThat(region.size()).as("a few dozen lines a student can read").isBetween(20, 90);
  }

  private static List<Integer> indexesOf(List<String> lines, String marker) {
    return java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).trim().equals(marker)).boxed().toList();
  }

  @Test
  void thePythonReadsEveryParameterFromABlockAtItsTopAndFollowsTheWorkChoice() {
    ProgressLesson lesson = new ProgressLesson();
    String script = lesson.pythonExample(concurrencylab.lesson.RunSnapshot.of(lesson, "en"));
    List<String> lines = script.lines().toList();
    int firstCode = java.util.stream.IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).startsWith("import ") || lines.get(i).startsWith("def ") || lines.get(i).startsWith("from "))
        .findFirst().orElseThrow();
    String top = String.join("\n", lines.subList(0, firstCode));
    for (String name : List.of("STEPS", "JOB_STEP_MILLIS", "JOBS", "WORK", "WHERE")) {
      assertThat(top).as("%s in the block at the top", name).containsPattern(Pattern.compile("(?m)^" + name + " = "));
    }
    String defaultWork = lesson.work().get().name().toLowerCase(Locale.ROOT);
    assertThat(top).containsPattern("(?m)^WORK = \"" + defaultWork + "\"");
    String body = String.join("\n", lines.subList(firstCode, lines.size()));
    assertThat(body).contains("if WORK == \"wait\":", "time.sleep(STEP_SECONDS)", "hashlib.sha256(");
  }
}
