package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Java panel shows the code that runs: slices of the lessons' own source files, not copies. */
class JavaExcerptTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void everyShownExcerptIsAVerbatimSliceOfItsLessonsSourceFile() throws IOException {
    for (Lesson lesson : LessonRegistry.createAll()) {
      for (SourceExcerpt excerpt : lesson.javaExcerpts()) {
        Path file = SOURCES.resolve(excerpt.owner().getPackageName().replace('.', '/')).resolve(excerpt.sourceFile());
        List<String> source = Files.readAllLines(file);
        List<String> shown = excerpt.lines();
        assertThat(shown).as("%s %s", lesson.id(), excerpt).hasSizeGreaterThan(3);
        assertThat(isSliceOf(shown, source)).as("%s: %s is a slice of %s", lesson.id(), excerpt.name(), file).isTrue();
        assertThat(lesson.javaExample("en")).contains(CodeComments.JAVA.in(String.join("\n", shown), "en"));
      }
    }
  }

  @Test
  void noLessonKeepsAHandWrittenCopyOfItsJava() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/concurrencylab/lesson"))) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".java"))).isEmpty();
    }
  }

  @Test
  void aRegionWithoutItsMarkersIsAnErrorNotAnEmptyPanel() {
    SourceExcerpt missing = new SourceExcerpt(JavaExcerptTest.class, "none");
    org.assertj.core.api.Assertions.assertThatThrownBy(missing::lines).isInstanceOf(IllegalStateException.class);
  }

  /**
   * Whether the shown lines stand in the source one after another, each with the same extra
   * indentation, marker lines of other regions aside.
   */
  private static boolean isSliceOf(List<String> shown, List<String> source) {
    for (int start = 0; start < source.size(); start++) {
      if (matchesFrom(shown, source, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesFrom(List<String> shown, List<String> source, int start) {
    String first = shown.get(0);
    String at = source.get(start);
    if (!at.endsWith(first) || !at.substring(0, at.length() - first.length()).isBlank()) {
      return false;
    }
    String indent = at.substring(0, at.length() - first.length());
    int i = start;
    for (String line : shown) {
      while (i < source.size() && source.get(i).trim().startsWith("// snippet:")) {
        i++;
      }
      if (i >= source.size()) {
        return false;
      }
      String expected = line.isEmpty() ? "" : indent + line;
      if (!source.get(i).equals(expected) && !(line.isEmpty() && source.get(i).isBlank())) {
        return false;
      }
      i++;
    }
    return true;
  }
}
