package concurrencylab.ui.tab;

import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.runtime.Await;
import concurrencylab.runtime.ProcessPool;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Words that say what happened: counts in the right number, and a stopped task is not called a failure. */
class TruthfulWordsTest {
  @Test
  void theProcessOutcomeCountsInTheSingularAndThePlural() {
    I18n english = new I18n(Locale.ENGLISH);
    assertThat(english.get("outcome.process", 5, 1L)).contains("5 child processes ran", "1 of them was still running");
    assertThat(english.get("outcome.process", 5, 2L)).contains("2 of them were still running");
    assertThat(english.get("outcome.process", 1, 0L)).contains("1 child process ran", "none of them was still running");
    assertThat(english.get("outcome.process", 16, 14L)).contains("16 child processes", "14 of them were");
  }

  @Test
  void tasksAStopKeptFromRunningAreSaidNotToHaveRunNotToHaveRaised() throws Exception {
    PoolLesson pool = new PoolLesson();
    pool.processes().set(1);
    pool.tasks().set(6);
    LessonCommandLine.set(pool.sleepSeconds(), "0.5");
    LessonRun run = LessonRun.start(pool);
    Await.until(Duration.ofSeconds(30), () -> run.trace().recordedCount() > 0
        && run.trace().lanes().stream().anyMatch(l -> l.name().startsWith("PoolWorker")), "the pool has a worker");
    List<TraceEvent> seen = new java.util.ArrayList<>();
    Await.until(Duration.ofSeconds(30), () -> {
      seen.addAll(run.trace().sync());
      return seen.stream().anyMatch(e -> e.kind() == EventKind.TASK_BEGIN);
    }, "the first task runs");
    run.stop();
    run.done().get(30, TimeUnit.SECONDS);
    seen.addAll(run.trace().sync());
    List<TraceEvent> unfinished = seen.stream().filter(e -> e.kind() == EventKind.TASK_FAILED).toList();
    assertThat(unfinished).as("tasks left without a result").isNotEmpty();
    assertThat(unfinished).allSatisfy(e -> assertThat(e.text()).isIn(ProcessPool.STOPPED_BEFORE_RUN, ProcessPool.STOPPED_WHILE_RUNNING));
    I18n english = new I18n(Locale.ENGLISH);
    assertThat(english.get("log.task.notRun", 37)).isEqualTo("task 37 was not run: the run was stopped");
  }
}
