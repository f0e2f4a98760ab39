package concurrencylab.ui.text;

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
    return loadResource("/concurrencylab/i18n/" + name);
  }

  static Properties loadResource(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = BundleCompletenessTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
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

  /**
   * A text with arguments goes through MessageFormat, where a lone apostrophe quotes what follows:
   * "the script's loop {0} ms" was shown as its raw pattern. Such a text writes it twice ('').
   */
  @Test
  void aTextWithArgumentsDoublesItsApostrophes() throws IOException {
    List<String> lone = new ArrayList<>();
    for (String name : List.of("messages.properties", "messages_zh_CN.properties")) {
      Properties texts = load(name);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (text.contains("{") && text.replace("''", "").contains("'")) {
          lone.add(name + ": " + key);
        }
      }
    }
    assertThat(lone).isEmpty();
  }

  @Test
  void everyLessonsOwnTextsExistInBothLanguagesAndOnlyNameItself() throws IOException {
    for (Lesson lesson : LessonRegistry.createAll()) {
      String folder = "/concurrencylab/lesson/" + lesson.id() + "/";
      Properties english = loadResource(folder + "texts.properties");
      Properties chinese = loadResource(folder + "texts_zh_CN.properties");
      assertThat(chinese.stringPropertyNames()).as(lesson.id()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
      assertThat(english.stringPropertyNames()).as(lesson.id()).allMatch(k -> k.startsWith("lesson." + lesson.id() + "."));
    }
  }

  @Test
  void everyCodeStepPointsAtARealLineOfBothExamples() {
    for (Lesson lesson : LessonRegistry.createAll()) {
      concurrencylab.trace.RunInfo run = concurrencylab.lesson.RunSnapshot.of(lesson, "en");
      List<String> java = lesson.javaExample(run.language()).lines().toList();
      List<String> python = lesson.pythonExample(run).lines().toList();
      for (concurrencylab.lesson.CodeStep step : lesson.codeSteps(run)) {
        assertThat(step.java().indexIn(java)).as("%s Java: %s", lesson.id(), step.java()).isNotNegative();
        assertThat(step.python().indexIn(python)).as("%s Python: %s", lesson.id(), step.python()).isNotNegative();
      }
    }
  }

  @Test
  void everyLessonTextAndControlHasItsTextInBothLanguages() {
    for (java.util.Locale locale : I18n.LANGUAGES) {
      I18n i18n = new I18n(locale);
      for (Lesson lesson : LessonRegistry.createAll()) {
        List<String> needed = new ArrayList<>(List.of(lesson.titleKey(), lesson.explanationKey()));
        for (LessonParameter parameter : lesson.parameters()) {
          needed.add(lesson.parameterKey(parameter));
          if (parameter instanceof LessonParameter.ChoiceParameter<?> choice) {
            choice.options().forEach(o -> needed.add(lesson.parameterKey(choice) + "." + o.name()));
          }
        }
        for (String key : needed) {
          assertThat(i18n.get(key)).as("%s in %s", key, locale).doesNotStartWith("[");
        }
        assertThat(lesson.pythonExample(concurrencylab.lesson.RunSnapshot.of(lesson, "en"))).isNotBlank();
        assertThat(lesson.javaExample(locale.toLanguageTag())).isNotBlank();
      }
    }
  }
}
