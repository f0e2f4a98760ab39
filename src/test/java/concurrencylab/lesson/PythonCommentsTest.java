package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python examples in Chinese: every comment in Chinese, the code the same to the character,
 * every line where it was (so each code step finds the same line), and the script still runs.
 */
class PythonCommentsTest {
  @TempDir Path folder;


  @Test
  void inChineseEveryCommentIsChineseAndTheCodeAndItsLinesStayAsTheyAre() {
    for (Lesson lesson : LessonRegistry.createAll()) {
      List<String> english = lesson.pythonExample(RunSnapshot.of(lesson, "en")).lines().toList();
      List<String> chinese = lesson.pythonExample(RunSnapshot.of(lesson, "zh-CN")).lines().toList();
      TranslatedComments.assertOnlyTheCommentsChange(lesson.id(), CodeComments.PYTHON, english, chinese, line -> false);
      for (CodeStep step : lesson.codeSteps(RunSnapshot.of(lesson, "zh-CN"))) {
        assertThat(step.python().indexIn(chinese)).as("%s: %s", lesson.id(), step.python()).isEqualTo(step.python().indexIn(english)).isNotNegative();
      }
    }
  }

  @Test
  void aHashInAStringIsNotAComment() {
    assertThat(CodeComments.PYTHON.commentStart("print(\"#1\", '#2')  # three")).isEqualTo(19);
    assertThat(CodeComments.PYTHON.in("x = \"# no\"  # yes  ## zh: 是", "zh-CN")).isEqualTo("x = \"# no\"  # 是");
    assertThat(CodeComments.PYTHON.in("x = \"# no\"  # yes  ## zh: 是", "en")).isEqualTo("x = \"# no\"  # yes");
  }

  @Test
  void theChineseScriptsRunAsTheEnglishOnesDo() throws Exception {
    assumeTrue(hasPython(), "no python3 on PATH");
    for (Lesson lesson : LessonRegistry.createAll()) {
      String script = lesson.pythonExample(RunSnapshot.of(lesson, "zh-CN"));
      assertThat(script).as(lesson.id()).matches("(?s).*#[^\\n]*\\p{IsHan}.*");
      Path file = folder.resolve(lesson.id() + "_zh.py");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      // the progress example opens a window: compiling it is all a test without a display can do
      List<String> command = lesson.id().equals("progress")
          ? List.of("python3", "-m", "py_compile", file.toString())
          : List.of("python3", "-u", file.toString());
      ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
      builder.environment().put("PYTHONIOENCODING", "utf-8");
      Process p = builder.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ended", lesson.id()).isTrue();
      assertThat(p.exitValue()).as("exit of the Chinese %s, which printed %s", lesson.id(), out).isZero();
    }
  }

  private static boolean hasPython() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
