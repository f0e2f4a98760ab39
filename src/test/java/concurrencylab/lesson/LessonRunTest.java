package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LessonRunTest {
  @Test
  void processLessonRunsRealChildrenWithTheirOwnPids() throws Exception {
    ProcessLesson lesson = new ProcessLesson();
    lesson.children().set(3);
    LessonRun run = LessonRun.start(lesson);
    LessonRun.Result result = run.done().get(60, TimeUnit.SECONDS);
    Trace trace = run.trace();
    List<TraceEvent> events = trace.sync();
    events.forEach(System.out::println);
    assertThat(result.status()).isEqualTo(LessonRun.Status.COMPLETED);
    List<Lane> children = trace.lanes().stream().filter(l -> l.parentId() == 0).toList();
    assertThat(children).hasSize(3);
  }

  @Test
  void poolLessonRunsEveryTask() throws Exception {
    PoolLesson lesson = new PoolLesson();
    lesson.tasks().set(6);
    lesson.processes().set(2);
    lesson.sleepSeconds().high().set(0.3);
    lesson.failingTask().set(2);
    LessonRun run = LessonRun.start(lesson);
    LessonRun.Result result = run.done().get(60, TimeUnit.SECONDS);
    List<TraceEvent> events = run.trace().sync();
    events.forEach(System.out::println);
    assertThat(result.status()).isEqualTo(LessonRun.Status.COMPLETED);
  }
}
