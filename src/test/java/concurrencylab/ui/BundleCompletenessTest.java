package concurrencylab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BundleCompletenessTest {
  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/concurrencylab/i18n/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties english = load("messages.properties");
    Properties chinese = load("messages_zh_CN.properties");

    assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(english.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
    assertThat(chinese.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
  }

  @Test
  void everyCodeStepPointsAtARealLineOfBothExamples() {
    for (Lesson lesson : LessonRegistry.createAll()) {
      concurrencylab.trace.RunInfo run = concurrencylab.lesson.RunSnapshot.of(lesson, "en");
      List<String> java = lesson.javaExample().lines().toList();
      List<String> python = lesson.pythonExample(run).lines().toList();
      for (concurrencylab.lesson.CodeStep step : lesson.codeSteps(run)) {
        assertThat(step.java().indexIn(java)).as("%s Java: %s", lesson.id(), step.java()).isNotNegative();
        assertThat(step.python().indexIn(python)).as("%s Python: %s", lesson.id(), step.python()).isNotNegative();
      }
    }
  }

  @Test
  void everyLessonTextAndControlHasItsKeys() throws IOException {
    Properties english = load("messages.properties");
    List<String> needed = new ArrayList<>();
    for (Lesson lesson : LessonRegistry.createAll()) {
      needed.add(lesson.titleKey());
      needed.add(lesson.explanationKey());
      for (LessonParameter parameter : lesson.parameters()) {
        needed.add("param." + parameter.key());
        if (parameter instanceof LessonParameter.ChoiceParameter<?> choice) {
          choice.options().forEach(o -> needed.add("param." + choice.key() + "." + o.name()));
        }
      }
      assertThat(lesson.pythonExample(concurrencylab.lesson.RunSnapshot.of(lesson, "en"))).isNotBlank();
      assertThat(lesson.javaExample()).isNotBlank();
    }
    assertThat(english.stringPropertyNames()).containsAll(needed);
  }
}
