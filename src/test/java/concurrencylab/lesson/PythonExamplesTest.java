package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.trace.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python panel shows a script that runs as shown: with the run's parameters in its top block,
 * {@code python3 example.py} prints what the chapter's example prints, for those parameters.
 */
class PythonExamplesTest {
  private static boolean hasPython;

  @TempDir Path folder;

  @BeforeAll
  static void findPython() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      hasPython = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      hasPython = false;
    }
    if (!hasPython) {
      System.out.println("PythonExamplesTest skipped: no python3 on PATH");
    }
  }

  private static Lesson lesson(String id) {
    return LessonRegistry.createAll().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  private static void set(Lesson lesson, String key, String value) {
    LessonCommandLine.set(LessonCommandLine.parameter(lesson, key).orElseThrow(), value);
  }

  private List<String> runScript(Lesson lesson) throws Exception {
    assumeTrue(hasPython, "no python3 on PATH");
    String script = lesson.pythonExample(RunSnapshot.of(lesson, "en"));
    Path file = folder.resolve(lesson.id() + ".py");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    // unbuffered, as a terminal shows it: a forked child must not inherit lines not yet written
    Process p = new ProcessBuilder("python3", "-u", file.toString()).directory(folder.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s.py ended", lesson.id()).isTrue();
    List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.exitValue()).as("exit of %s.py, which printed %s", lesson.id(), out).isZero();
    return out;
  }

  private static long count(String regex, String text) {
    return Pattern.compile(regex).matcher(text).results().count();
  }

  @Test
  void theParameterBlockHoldsTheControlsValues() {
    Lesson process = lesson("process");
    set(process, "children", "16");
    set(process, "join", "ALL");
    String script = process.pythonExample(RunSnapshot.of(process, "en"));
    assertThat(script).contains("CHILDREN = 16\n", "JOIN = \"all\"\n", "SEED = 42\n", "MAX_SLEEP_MILLIS = 2000\n");
    RunInfo recorded = RunSnapshot.of(process, "en");
    set(process, "children", "3");
    assertThat(process.pythonExample(recorded)).as("a recorded run keeps its values").contains("CHILDREN = 16\n");
  }

  @Test
  void processStartsAsManyChildrenAsTheBlockSaysAndEndsAfterTheOnesItJoined() throws Exception {
    Lesson process = lesson("process");
    set(process, "children", "4");
    set(process, "maxSleepMillis", "50");
    for (String join : List.of("LAST_ONLY", "ALL")) {
      set(process, "join", join);
      List<String> out = runScript(process);
      assertThat(out.get(0)).startsWith("parent process ");
      // print() writes its text and its newline apart, so two processes' lines sharing the pipe
      // can run together on one line: count them in the whole output
      String all = String.join("\n", out);
      assertThat(all.split("process will start\\.", -1)).hasSize(5);
      assertThat(count("child process \\d \\(\\d+\\) running\\.\\.\\.", all)).isEqualTo(4);
      assertThat(all).contains("process end");
      if (join.equals("ALL")) {
        assertThat(out.get(out.size() - 1)).isEqualTo("process end");
      }
    }
  }

  @Test
  void poolRunsEveryTaskOnItsWorkersAndReportsTheOneThatRaised() throws Exception {
    Lesson pool = lesson("pool");
    set(pool, "processes", "2");
    set(pool, "tasks", "5");
    set(pool, "sleepSeconds", "0-0.05");
    set(pool, "failingTask", "3");
    List<String> out = runScript(pool);
    assertThat(out.get(0)).startsWith("current process ");
    // two workers share the pipe, and print() writes a line's text and its newline apart: count
    // the lines in the whole output, as for the Process example
    String all = String.join("\n", out);
    assertThat(count("task \\d \\(pid=\\d+\\) is running\\.\\.\\.", all)).isEqualTo(5);
    assertThat(count("task \\d end\\.", all)).isEqualTo(4);
    assertThat(all).contains("task 3 raised on purpose", "waiting for all subprocesses done...");
    assertThat(Pattern.compile("pid=(\\d+)").matcher(all).results().map(m -> m.group(1)).distinct().count())
        .isBetween(1L, 2L);
    assertThat(out.get(out.size() - 1)).isEqualTo("all subprocesses done.");
  }

  @Test
  void bothThreadExamplesRunTheirThreadsOverTheirUrls() throws Exception {
    for (String id : List.of("thread", "threadsubclass")) {
      Lesson lesson = lesson(id);
      set(lesson, "threads", "3");
      set(lesson, "urls", "2");
      set(lesson, "maxSleepMillis", "20");
      List<String> out = runScript(lesson);
      // print() writes its text and its newline apart, so two threads' lines can run together
      // on one line: that is what Python does, so the lines are counted in the whole output
      String all = String.join("\n", out);
      assertThat(out.get(0)).isEqualTo("MainThread is running...");
      assertThat(all.split("---->>> url_", -1)).hasSize(7);
      assertThat(all).contains("Thread-3 ---->>> url_3_2", "Current Thread-1 is running...", "Thread-2 ended.");
      assertThat(out.get(out.size() - 1)).isEqualTo("MainThread ended.");
    }
  }

  @Test
  void lockCountsEveryUpdateWithALockAndLosesSomeWithout() throws Exception {
    Lesson lock = lesson("lock");
    set(lock, "threads", "3");
    set(lock, "increments", "4");
    set(lock, "stepMillis", "5");
    @SuppressWarnings("unchecked")
    ChoiceParameter<LockLesson.Mode> mode = (ChoiceParameter<LockLesson.Mode>) LessonCommandLine.parameter(lock, "lockMode").orElseThrow();
    for (LockLesson.Mode chosen : mode.options()) {
      mode.value().set(chosen);
      List<String> out = runScript(lock);
      assertThat(out.get(0)).isEqualTo("counter = 0, mode " + chosen.name());
      String last = out.get(out.size() - 1);
      if (chosen == LockLesson.Mode.NO_LOCK) {
        // three threads each read, sleep 5 ms and write: they overlap, so updates are lost
        assertThat(last).matches("counter = \\d+ \\(expected 12, lost [1-9]\\d*\\)");
      } else {
        assertThat(last).isEqualTo("counter = 12 (expected 12, lost 0)");
      }
    }
  }

  @Test
  void forkSplitsIntoAParentAndAChildThatKnowsItsParent() throws Exception {
    List<String> out = runScript(lesson("fork"));
    String parentPid = out.get(0).replaceAll("current process \\((\\d+)\\) start\\.\\.\\.", "$1");
    assertThat(out).anySatisfy(l -> assertThat(l).matches("I am the child process \\(\\d+\\) and my parent process is \\(" + parentPid + "\\)\\."));
    assertThat(out).anySatisfy(l -> assertThat(l).matches("I \\(" + parentPid + "\\) created a child process \\(\\d+\\)\\."));
  }
}
