package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every lesson with a choice, and every value of it: each line the code panel marks during the
 * run lies in the code that runs in that mode, never in another mode's function or branch; and
 * the mode's own code does get marked.
 */
class CodeMarksTest {
  /**
   * lesson, choice=value, other settings, Python blocks never marked, Java blocks never marked,
   * Python block that must be marked, Java block that must be marked ("" for none); blocks are
   * named by a part of their first line and separated by "|".
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "lock; lockMode=NO_LOCK; threads=3 increments=8 stepMillis=0; def add_locked|def add_reentrant|def helper;"
        + " case LOCK ->|case RLOCK ->|static void incrementHoldingTheLockAgain(; def increment; static void increment(",
    "lock; lockMode=LOCK; threads=3 increments=8 stepMillis=1; def add_unsafe|def add_reentrant|def helper;"
        + " case NO_LOCK ->|case RLOCK ->|static void incrementHoldingTheLockAgain(; def add_locked; case LOCK ->",
    "lock; lockMode=RLOCK; threads=3 increments=8 stepMillis=1; def add_unsafe|def add_locked;"
        + " case NO_LOCK ->|case LOCK ->; def helper; static void incrementHoldingTheLockAgain(",
    "process; join=LAST_ONLY; children=3 maxSleepMillis=300; if JOIN == \"all\":; ; started[-1].join(); ",
    "process; join=ALL; children=3 maxSleepMillis=300; started[-1].join(); ; if JOIN == \"all\":; ",
  })
  void marksLieInTheCodeOfTheModeThatRan(String lessonId, String choice, String settings, String pythonNever, String javaNever,
      String pythonMust, String javaMust) throws Exception {
    Lesson lesson = LessonRegistry.createAll().stream().filter(l -> l.id().equals(lessonId)).findFirst().orElseThrow();
    for (String setting : (choice + " " + settings).trim().split("\\s+")) {
      String[] kv = setting.split("=");
      LessonCommandLine.set(LessonCommandLine.parameter(lesson, kv[0]).orElseThrow(), kv[1]);
    }
    LessonRun run = LessonRun.start(lesson);
    run.done().get(60, TimeUnit.SECONDS);
    Trace trace = run.trace();
    trace.sync();
    List<String> java = lesson.javaExample(trace.runInfo().language()).lines().toList();
    List<String> python = lesson.pythonExample(trace.runInfo()).lines().toList();

    TreeSet<Integer> javaMarked = new TreeSet<>();
    TreeSet<Integer> pythonMarked = new TreeSet<>();
    for (long time : eventTimes(trace)) {
      CodeMarks marks = CodeMarks.at(trace, time, lesson.codeSteps(trace.runInfo()), java, python);
      javaMarked.addAll(marks.java().keySet());
      pythonMarked.addAll(marks.python().keySet());
    }
    assertThat(pythonMarked).as("Python lines marked").isNotEmpty();
    assertThat(javaMarked).as("Java lines marked").isNotEmpty();
    for (String block : names(pythonNever)) {
      assertThat(pythonMarked).as("Python marks outside '%s' in %s", block, choice).noneMatch(block(python, block)::contains);
    }
    for (String block : names(javaNever)) {
      assertThat(javaMarked).as("Java marks outside '%s' in %s", block, choice).noneMatch(block(java, block)::contains);
    }
    for (String block : names(pythonMust)) {
      assertThat(pythonMarked).as("a Python mark inside '%s' in %s", block, choice).anyMatch(block(python, block)::contains);
    }
    for (String block : names(javaMust)) {
      assertThat(javaMarked).as("a Java mark inside '%s' in %s", block, choice).anyMatch(block(java, block)::contains);
    }
  }

  private static List<String> names(String list) {
    return list == null || list.isBlank() ? List.of() : List.of(list.trim().split("\\|"));
  }

  /** The lines of the block whose first line contains {@code head}: up to the next line indented no deeper. */
  private static List<Integer> block(List<String> lines, String head) {
    int start = -1;
    for (int i = 0; i < lines.size() && start < 0; i++) {
      if (lines.get(i).contains(head)) {
        start = i;
      }
    }
    assertThat(start).as("a line with '%s'", head).isNotNegative();
    int indent = indent(lines.get(start));
    List<Integer> block = new ArrayList<>(List.of(start));
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank() && indent(line) <= indent) {
        break;
      }
      block.add(i);
    }
    return block;
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  private static TreeSet<Long> eventTimes(Trace trace) {
    TreeSet<Long> times = new TreeSet<>();
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      for (int i = 0; i < track.size(); i++) {
        times.add(track.time(i));
      }
    }
    return times;
  }

}
