package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Effort;
import concurrencylab.runtime.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Soak, issue 6: every lesson of the registry, run back to back with short parameters, 20 rounds
 * in {@code mvn verify} and 200 with -Plong. Afterwards the live threads, the open file
 * descriptors and the child processes are back where they were before, and the heap after a full
 * GC has grown by at most {@link #HEAP_GROWTH_BOUND}. New lessons are soaked as soon as they are
 * registered.
 *
 * <p>The FX toolkit is up during the soak, as in the app, so that a lesson that updates its own
 * view through {@code Platform.runLater} (the progress-bar lesson) runs here too; its threads are
 * part of the baseline.
 */
class LessonSoakTest {
  /** Lessons the soak leaves out, each with the reason. None so far: every registered lesson runs. */
  private static final Map<String, String> LEFT_OUT = Map.of();

  /**
   * What the heap may keep after the soak: a leak of one trace per run (thousands of events each)
   * would pass it within the 20 rounds of verify and by far within the 200 of -Plong.
   */
  static final long HEAP_GROWTH_BOUND = 16L << 20;

  @Test
  void everyLessonBackToBackLeavesNoThreadDescriptorProcessOrHeapBehind() throws Exception {
    FxToolkit.registerPrimaryStage();
    List<Lesson> lessons = LessonRegistry.createAll().stream().filter(l -> !LEFT_OUT.containsKey(l.id())).toList();
    LEFT_OUT.forEach((id, why) -> System.out.println("soak: leaves out lesson " + id + ": " + why));
    int rounds = Effort.count("soak.rounds", 20, 200);

    // One round first, so that class loading, compiled code and the threads the JDK makes lazily
    // are part of the baseline rather than counted as growth.
    round(lessons, -1);
    Await.until(Duration.ofSeconds(30), () -> Resources.liveChildren() == 0, "the warm-up's children are gone");
    Resources baseline = Resources.nowAfterGc();
    List<String> baselineFds = Resources.fdTargets();

    long events = 0;
    for (int round = 0; round < rounds; round++) {
      events += round(lessons, round);
    }

    Resources settled = Resources.awaitBackTo(baseline, baselineFds);
    long heapAfter = Resources.nowAfterGc().heapAfterGc();
    Resources after = new Resources(settled.threads(), settled.fds(), settled.children(), heapAfter);
    long growth = after.heapAfterGc() - baseline.heapAfterGc();
    System.out.printf("soak: %d rounds x %d lessons %s = %d runs, %,d events, all completed%n  before: %s%n  after:  %s%n  heap growth %+,d KiB (bound %d MiB)%n",
        rounds, lessons.size(), lessons.stream().map(Lesson::id).toList(), rounds * lessons.size(), events,
        baseline.describe(), after.describe(), growth >> 10, HEAP_GROWTH_BOUND >> 20);
    assertThat(growth).as("heap growth after GC, bytes").isLessThanOrEqualTo(HEAP_GROWTH_BOUND);
  }

  /** Runs every lesson once to its end; returns how many events they recorded. */
  private static long round(List<Lesson> lessons, int round) throws InterruptedException {
    long events = 0;
    for (Lesson lesson : lessons) {
      LessonDrive.shorten(lesson, Math.max(round, 0));
      LessonDrive.Ended ended = LessonDrive.run(lesson);
      assertThat(ended.result().status()).as("lesson %s, round %d: %s", lesson.id(), round, ended.result().failure())
          .isEqualTo(LessonRun.Status.COMPLETED);
      LessonDrive.assertWellEnded(ended);
      assertThat(Resources.liveChildren()).as("children alive after lesson %s, round %d", lesson.id(), round).isZero();
      events += ended.drained();
    }
    return events;
  }
}
