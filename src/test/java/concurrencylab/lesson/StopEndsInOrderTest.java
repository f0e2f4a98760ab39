package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.runtime.Await;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After Stop, the main lane says the run ended only once every child process has said how it
 * ended: in the console (the order events arrive in) and on the timeline (their times).
 */
class StopEndsInOrderTest {
  @AfterEach
  void noChildLeft() throws InterruptedException {
    Await.until(Duration.ofSeconds(10), () -> Resources.liveChildren() == 0, "no child process is left");
  }

  @Test
  void mainEndsAfterEveryChildWhenStoppedWhileSixteenChildrenRun() throws Exception {
    ProcessLesson lesson = new ProcessLesson();
    lesson.children().set(16);
    stopAtSeveralMoments(lesson);
  }

  /** The thread lesson's main prints "main ended." after its joins: never before a thread's end. */
  @Test
  void mainEndsAfterEveryThreadWhenStoppedWhileEightThreadsRun() throws Exception {
    Lesson lesson = LessonRegistry.createAll().stream().filter(l -> l.id().equals("thread")).findFirst().orElseThrow();
    ((LessonParameter.IntParameter) LessonCommandLine.parameter(lesson, "threads").orElseThrow()).set(8);
    stopAtSeveralMoments(lesson);
  }

  private static void stopAtSeveralMoments(Lesson lesson) throws Exception {
    for (int round = 0; round < 6; round++) {
      long stopAt = 2 + round * 9L; // from the first spawns to children already running
      LessonRun run = LessonRun.start(lesson);
      List<TraceEvent> arrived = new ArrayList<>();
      boolean stopped = false;
      long deadline = System.nanoTime() + LessonDrive.RUN_LIMIT.toNanos();
      while (!(run.done().isDone() && run.trace().isFinished())) {
        if (!stopped && run.trace().recordedCount() >= stopAt) {
          run.stop();
          stopped = true;
        }
        assertThat(System.nanoTime()).as("the run ends").isLessThan(deadline);
        arrived.addAll(run.trace().sync());
        Thread.sleep(1);
      }
      arrived.addAll(run.trace().sync());
      assertMainEndsLast(run.trace(), arrived, "stopped after " + stopAt + " events");
    }
  }

  static void assertMainEndsLast(Trace trace, List<TraceEvent> arrived, String when) {
    int main = trace.lanes().get(0).id();
    List<Integer> children = trace.lanes().stream().filter(l -> l.kind() != LaneKind.QUEUE && l.id() != main).map(Lane::id).toList();
    List<TraceEvent> ends = arrived.stream().filter(e -> e.kind() == EventKind.END).toList();
    assertThat(ends).as("%s: one end per lane", when).hasSize(children.size() + 1);
    TraceEvent last = ends.get(ends.size() - 1);
    assertThat(last.lane()).as("%s: the last end to arrive is main's; ends: %s", when, ends).isEqualTo(main);
    List<TraceEvent> mainPrints = arrived.stream().filter(e -> e.lane() == main && e.kind() == EventKind.PRINT).toList();
    if (!mainPrints.isEmpty() && mainPrints.get(mainPrints.size() - 1).text().endsWith(" ended.")) {
      TraceEvent said = mainPrints.get(mainPrints.size() - 1);
      assertThat(arrived.indexOf(said)).as("%s: main said it ended after every other end", when)
          .isGreaterThan(arrived.indexOf(ends.get(ends.size() - 2)));
    }
    for (TraceEvent end : ends) {
      assertThat(end.time()).as("%s: %s is not after main's end", when, end).isLessThanOrEqualTo(last.time());
    }
  }
}
