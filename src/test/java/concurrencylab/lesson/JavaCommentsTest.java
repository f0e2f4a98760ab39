package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.RunInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java examples in Chinese: every comment in Chinese, the code the same to the character,
 * every line where it was (so each code step finds the same line in both), and the English exactly
 * the source less its translations.
 */
class JavaCommentsTest {
  private static final CodeComments JAVA = CodeComments.JAVA;

  /** The comment naming the file an excerpt is cut from: a file name, the same in both languages. */
  private static boolean namesAFile(String line) {
    return line.matches("// \\w+\\.java");
  }

  @Test
  void inChineseEveryCommentIsChineseAndTheCodeAndItsLinesStayAsTheyAre() {
    for (Lesson lesson : LessonRegistry.createAll()) {
      List<String> english = lesson.javaExample("en").lines().toList();
      List<String> chinese = lesson.javaExample("zh-CN").lines().toList();
      TranslatedComments.assertOnlyTheCommentsChange(lesson.id(), JAVA, english, chinese, JavaCommentsTest::namesAFile);
    }
  }

  @Test
  void everyCodeStepFindsTheSameJavaLineInBothLanguagesInEveryMode() {
    for (Lesson lesson : LessonRegistry.createAll()) {
      List<String> english = lesson.javaExample("en").lines().toList();
      List<String> chinese = lesson.javaExample("zh-CN").lines().toList();
      for (RunInfo run : everyChoice(lesson)) {
        for (CodeStep step : lesson.codeSteps(run)) {
          assertThat(step.java().indexIn(chinese)).as("%s %s: %s", lesson.id(), run.parameters(), step.java())
              .isEqualTo(step.java().indexIn(english)).isNotNegative();
        }
      }
    }
  }

  /** The lesson's run as it stands, and with each option of each of its choices. */
  private static List<RunInfo> everyChoice(Lesson lesson) {
    RunInfo now = RunSnapshot.of(lesson, "zh-CN");
    List<RunInfo> runs = new ArrayList<>(List.of(now));
    for (LessonParameter parameter : lesson.parameters()) {
      if (parameter instanceof LessonParameter.ChoiceParameter<?> choice) {
        for (Enum<?> option : choice.options()) {
          List<RunInfo.Parameter> values = new ArrayList<>();
          for (RunInfo.Parameter p : now.parameters()) {
            values.add(p.key().equals(choice.key()) ? new RunInfo.Parameter(p.key(), option.name()) : p);
          }
          runs.add(new RunInfo(now.lessonId(), values, now.language(), now.appVersion(), now.startedAt()));
        }
      }
    }
    return runs;
  }

  @Test
  void theEnglishIsTheSourceLessItsTranslationsToTheByte() {
    for (Lesson lesson : LessonRegistry.createAll()) {
      List<String> stripped = new ArrayList<>();
      for (SourceExcerpt excerpt : lesson.javaExcerpts()) {
        if (!stripped.isEmpty()) {
          stripped.add("");
        }
        stripped.add("// " + excerpt.sourceFile());
        excerpt.lines().forEach(line -> stripped.add(line.replaceFirst("\\s+## zh: .*?( \\*/)?$", "$1")));
      }
      assertThat(lesson.javaExample("en")).as(lesson.id()).isEqualTo(String.join("\n", stripped));
    }
  }

  @Test
  void aSlashInAStringOrACharacterIsNotAComment() {
    assertThat(JAVA.commentStart("String url = \"http://x\"; // fetch it")).isEqualTo(25);
    assertThat(JAVA.commentStart("char c = '/'; int half = n / 2; // half")).isEqualTo(32);
    assertThat(JAVA.commentStart("char q = '\\''; String s = \"/*\\\"//\"; /* q */")).isEqualTo(36);
    assertThat(JAVA.commentStart("int half = n / 2;")).isNegative();
    String line = "s = \"// no ## zh: 否\"; // yes  ## zh: 是";
    assertThat(JAVA.in(line, "zh-CN")).isEqualTo("s = \"// no ## zh: 否\"; // 是");
    assertThat(JAVA.in(line, "en")).isEqualTo("s = \"// no ## zh: 否\"; // yes");
  }

  @Test
  void aBlockCommentKeepsItsClosingInBothLanguages() {
    assertThat(JAVA.in("/** x ## zh: 中 */", "zh-CN")).isEqualTo("/** 中 */");
    assertThat(JAVA.in("/** x ## zh: 中 */", "en")).isEqualTo("/** x */");
    assertThat(JAVA.in("  /* Done.  ## zh: 完成。 */", "zh-CN")).isEqualTo("  /* 完成。 */");
    assertThat(JAVA.in("  /* Done.  ## zh: 完成。 */", "en")).isEqualTo("  /* Done. */");
    assertThat(JAVA.in("a(); /** x */ b();", "zh-CN")).as("no translation, as it is").isEqualTo("a(); /** x */ b();");
  }

  @Test
  void aTranslationOutsideACommentIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JAVA.in("s = \"a ## zh: 甲\";", "en"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JAVA.in("/* a ## zh: 甲 */ b();", "zh-CN"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
