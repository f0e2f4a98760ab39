package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.lesson.process.ProcessLesson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lesson's parameters as command-line text and back, for every lesson of the registry. */
class LessonCommandLineTest {
  private static LessonParameter parameter(Lesson lesson, String key) {
    return LessonCommandLine.parameter(lesson, key).orElseThrow();
  }

  @Test
  void everyLessonsParametersReadBackAsTheyWereWritten() {
    List<Lesson> changed = LessonRegistry.createAll();
    for (Lesson lesson : changed) {
      // move every parameter off its default, so that reading back has something to prove
      for (LessonParameter p : lesson.parameters()) {
        if (p instanceof IntParameter i) {
          i.value().set(i.max());
        } else if (p instanceof RangeParameter r) {
          r.low().set(r.min() + (r.max() - r.min()) / 8);
          r.high().set(r.max() - (r.max() - r.min()) / 3);
        } else if (p instanceof ChoiceParameter<?> c) {
          setLast(c);
        } else if (p instanceof SeedParameter s) {
          s.value().set(123_456_789_012L);
        }
      }
    }
    List<Lesson> fresh = LessonRegistry.createAll();
    for (int n = 0; n < changed.size(); n++) {
      Lesson from = changed.get(n);
      Lesson to = fresh.get(n);
      // a Python run's arguments: every parameter, the Python-only ones (the start method) too
      List<String> args = LessonCommandLine.parameterArguments(PythonLesson.of(from, null));
      for (int i = 0; i < args.size(); i += 2) {
        LessonCommandLine.set(parameter(to, args.get(i).substring(2)), args.get(i + 1));
      }
      assertThat(LessonCommandLine.parameterArguments(PythonLesson.of(to, null))).as(from.id()).isEqualTo(args);
      for (LessonParameter p : from.parameters()) {
        if (p.pythonOnly()) {
          assertThat(LessonCommandLine.parameterArguments(from)).as("a Java run's arguments leave --%s out", p.key()).doesNotContain("--" + p.key());
        }
      }
      for (LessonParameter p : from.parameters()) {
        assertThat(value(parameter(to, p.key()))).as(from.id() + " --" + p.key()).isEqualTo(value(p));
      }
    }
  }

  private static <E extends Enum<E>> void setLast(ChoiceParameter<E> choice) {
    choice.value().set(choice.options().get(choice.options().size() - 1));
  }

  private static Object value(LessonParameter p) {
    if (p instanceof IntParameter i) {
      return i.get();
    }
    if (p instanceof RangeParameter r) {
      return List.of(r.low().get(), r.high().get());
    }
    if (p instanceof ChoiceParameter<?> c) {
      return c.get();
    }
    return ((SeedParameter) p).get();
  }

  @Test
  void readsTheFormsALecturerTypes() {
    PoolLesson pool = new PoolLesson();
    LessonCommandLine.set(pool.tasks(), "6");
    LessonCommandLine.set(pool.sleepSeconds(), "0-0.5");
    LessonCommandLine.set(pool.failingTask(), "none");
    LessonCommandLine.set(parameter(pool, "seed"), "3");
    assertThat(pool.tasks().get()).isEqualTo(6);
    assertThat(pool.sleepSeconds().low().get()).isEqualTo(0.0);
    assertThat(pool.sleepSeconds().high().get()).isEqualTo(0.5);
    assertThat(pool.failingTask().get()).isEqualTo(-1);
    assertThat(((SeedParameter) parameter(pool, "seed")).get()).isEqualTo(3L);

    LessonCommandLine.set(pool.sleepSeconds(), "1.5");
    assertThat(List.of(pool.sleepSeconds().low().get(), pool.sleepSeconds().high().get())).containsExactly(1.5, 1.5);
    LessonCommandLine.set(pool.sleepSeconds(), "0.25..2");
    assertThat(List.of(pool.sleepSeconds().low().get(), pool.sleepSeconds().high().get())).containsExactly(0.25, 2.0);

    ProcessLesson process = new ProcessLesson();
    LessonCommandLine.set(process.join(), "ALL");
    assertThat(process.join().get()).isEqualTo(ProcessLesson.JoinMode.ALL);
    LessonCommandLine.set(process.join(), "last-only");
    assertThat(process.join().get()).isEqualTo(ProcessLesson.JoinMode.LAST_ONLY);
  }

  @Test
  void saysWhatIsWrongWithABadValue() {
    PoolLesson pool = new PoolLesson();
    assertThatThrownBy(() -> LessonCommandLine.set(pool.tasks(), "60"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--tasks takes a whole number from 1 to 50, not 60");
    assertThatThrownBy(() -> LessonCommandLine.set(pool.tasks(), "six"))
        .hasMessage("--tasks takes a whole number from 1 to 50, not 'six'");
    assertThatThrownBy(() -> LessonCommandLine.set(pool.tasks(), "none")).hasMessageContaining("not 'none'");
    assertThatThrownBy(() -> LessonCommandLine.set(pool.sleepSeconds(), "2-1")).hasMessageContaining("the low end 2 is above the high end 1");
    assertThatThrownBy(() -> LessonCommandLine.set(pool.sleepSeconds(), "0-20")).hasMessageContaining("--sleepSeconds takes a range").hasMessageContaining("not 0-20");
    assertThatThrownBy(() -> LessonCommandLine.set(pool.sleepSeconds(), "soon")).hasMessageContaining("for example 0-0.5");
    assertThatThrownBy(() -> LessonCommandLine.set(parameter(pool, "seed"), "x")).hasMessage("--seed takes a whole number, not 'x'");
    assertThatThrownBy(() -> LessonCommandLine.set(new ProcessLesson().join(), "some"))
        .hasMessage("--join takes one of LAST_ONLY, ALL, not 'some'");
    assertThat(pool.tasks().get()).as("a bad value changes nothing").isEqualTo(5);
  }

  @Test
  void theCommandLineRepeatsTheRunWithItsSeed() {
    PoolLesson pool = new PoolLesson();
    pool.processes().set(2);
    LessonCommandLine.set(pool.sleepSeconds(), "0-0.5");
    ((SeedParameter) parameter(pool, "seed")).value().set(99);

    assertThat(LessonCommandLine.recordArguments(pool, "run.csv"))
        .containsExactly(
            "record", "pool", "--processes", "2", "--tasks", "5", "--sleepSeconds", "0-0.5", "--failingTask", "none", "--seed", "99", "--out", "run.csv");
    assertThat(LessonCommandLine.recordCommand(pool))
        .startsWith("java -jar ")
        .endsWith(" record pool --processes 2 --tasks 5 --sleepSeconds 0-0.5 --failingTask none --seed 99 --out pool.json");
    assertThat(LessonCommandLine.recordCommand(pool, "my runs/pool's.json")).endsWith(" --out 'my runs/pool'\\''s.json'");
  }

  @Test
  void anInstalledCopyRepeatsTheRunWithItsOwnLauncher() {
    PoolLesson pool = new PoolLesson();
    System.setProperty("jpackage.app-path", "/opt/concurrency-lab/bin/Concurrency Lab");
    try {
      assertThat(LessonCommandLine.recordCommand(pool, "pool.json"))
          .startsWith("'/opt/concurrency-lab/bin/Concurrency Lab' record pool --processes ");
      assertThat(LessonCommandLine.launcherForHelp()).isEqualTo("'/opt/concurrency-lab/bin/Concurrency Lab'");
    } finally {
      System.clearProperty("jpackage.app-path");
    }
    assertThat(LessonCommandLine.recordCommand(pool, "pool.json")).startsWith("java -jar ");
  }
}
