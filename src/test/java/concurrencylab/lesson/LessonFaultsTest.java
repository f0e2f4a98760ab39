package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Effort;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.runtime.Await;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Faults at the level of a run, for every registered lesson: Stop pressed at random moments,
 * sliders at their extremes, and lessons whose own code hangs or throws. Each run ends with a
 * visible mark on every lane, nothing is left running, and the next run works.
 */
class LessonFaultsTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // as in the app: a lesson may post to the FX thread
  }

  @AfterEach
  void noChildLeft() throws InterruptedException {
    Await.until(Duration.ofSeconds(10), () -> Resources.liveChildren() == 0, "no child process is left");
  }

  private static List<TraceEvent> events(Trace trace, String laneName) {
    Lane lane = trace.lanes().stream().filter(l -> l.name().equals(laneName)).findFirst().orElseThrow();
    LaneTrack track = trace.store().track(lane.id());
    List<TraceEvent> events = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      events.add(track.event(lane.id(), i));
    }
    return events;
  }

  private static TraceEvent last(List<TraceEvent> events) {
    return events.get(events.size() - 1);
  }

  @Test
  void stopPressedAtRandomMomentsEndsEverythingAndTheNextRunWorks() throws Exception {
    int stops = Effort.count("faults.stopsPerLesson", 8, 40);
    Random random = new Random(6);
    for (Lesson lesson : LessonRegistry.createAll()) {
      LessonDrive.shorten(lesson, 0);
      long whole = LessonDrive.run(lesson).drained();
      int stopped = 0;
      for (int i = 0; i < stops; i++) {
        // the first at once, the last just before the end, the others anywhere in between
        long at = i == 0 ? 0 : i == stops - 1 ? whole - 1 : random.nextLong(whole);
        LessonDrive.shorten(lesson, i);
        LessonDrive.Ended ended = LessonDrive.run(lesson, recorded -> recorded >= at);
        assertThat(ended.result().status()).as("lesson %s stopped after %d events", lesson.id(), at)
            .isIn(LessonRun.Status.STOPPED, LessonRun.Status.COMPLETED);
        LessonDrive.assertWellEnded(ended);
        assertThat(Resources.liveChildren()).as("children alive after a stop of %s", lesson.id()).isZero();
        stopped += ended.result().status() == LessonRun.Status.STOPPED ? 1 : 0;
      }
      LessonDrive.shorten(lesson, 0);
      assertThat(LessonDrive.run(lesson).result().status()).as("%s runs again after the stops", lesson.id()).isEqualTo(LessonRun.Status.COMPLETED);
      System.out.printf("faults, Stop at random moments: lesson %s, %d runs of about %d events: %d stopped, %d ended before the stop landed; all ended cleanly%n",
          lesson.id(), stops, whole, stopped, stops - stopped);
    }
  }

  /**
   * Stop while the run is still starting its processes: the run must be done only once they have
   * ended, with every lane's END recorded before the trace is finished.
   */
  @Test
  void stopPressedWhileTheRunStartsIsDoneOnlyWhenEverythingHasEnded() throws Exception {
    int stops = Effort.count("faults.earlyStopsPerLesson", 24, 120);
    for (Lesson lesson : LessonRegistry.createAll()) {
      for (int i = 0; i < stops; i++) {
        long at = 1 + i % 8;
        LessonDrive.shorten(lesson, i);
        LessonDrive.Ended ended = LessonDrive.run(lesson, recorded -> recorded >= at);
        LessonDrive.assertWellEnded(ended);
        assertThat(Resources.liveChildren()).as("children alive when %s was done", lesson.id()).isZero();
      }
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void slidersAtTheirExtremesRunOrStopCleanly() throws Exception {
    for (Lesson lesson : LessonRegistry.createAll()) {
      for (boolean maximum : new boolean[] {false, true}) {
        for (LessonParameter parameter : lesson.parameters()) {
          if (parameter instanceof IntParameter p) {
            p.set(maximum ? p.max() : p.min());
          } else if (parameter instanceof RangeParameter p) {
            p.low().set(maximum ? p.max() : p.min());
            p.high().set(maximum ? p.max() : p.min());
          } else if (parameter instanceof ChoiceParameter p) {
            p.value().set(p.options().get(maximum ? p.options().size() - 1 : 0));
          } else if (parameter instanceof SeedParameter p) {
            p.value().set(maximum ? Long.MAX_VALUE : Long.MIN_VALUE);
          }
        }
        // At the maximum a run may take minutes (slow motion at 1 s a step): Stop is pressed once
        // it is well under way, after 100 events or 2 s.
        LessonDrive.Ended ended = LessonDrive.run(lesson, (recorded, elapsedMillis) -> maximum && (recorded >= 100 || elapsedMillis >= 2000));
        String what = lesson.id() + " at its " + (maximum ? "maximum" : "minimum") + ": " + ended.result().failure();
        if (maximum) {
          assertThat(ended.result().status()).as(what).isIn(LessonRun.Status.STOPPED, LessonRun.Status.COMPLETED);
        } else {
          assertThat(ended.result().status()).as(what).isEqualTo(LessonRun.Status.COMPLETED);
        }
        LessonDrive.assertWellEnded(ended);
        assertThat(Resources.liveChildren()).isZero();
      }
    }
  }

  @Test
  void aChildAndAThreadThatHangPastTheRunsEndAreEndedAfterTheGraceTime() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(new MisbehavingLessons.LeavesThingsHanging());

    assertThat(ended.result().status()).isEqualTo(LessonRun.Status.COMPLETED);
    LessonDrive.assertWellEnded(ended);
    assertThat(events(ended.trace(), "hangs")).extracting(TraceEvent::text).contains("hanging");
    // asked to end (its stdin closed), the hanging child ends by itself: it need not be killed
    assertThat(concurrencylab.export.EnglishTexts.render(last(events(ended.trace(), "hangs")).text())).isEqualTo("stopped (asked to end)");
    assertThat(concurrencylab.export.EnglishTexts.render(last(events(ended.trace(), "sleeps")).text())).isEqualTo("stopped");
  }

  @Test
  void aLessonThatThrowsSaysSoAndLeavesNothingRunning() throws Exception {
    LessonDrive.Ended ended = LessonDrive.run(new MisbehavingLessons.Throws());

    assertThat(ended.result().status()).isEqualTo(LessonRun.Status.FAILED);
    assertThat(ended.result().failure()).contains("lesson raised on purpose");
    LessonDrive.assertWellEnded(ended);
    assertThat(events(ended.trace(), "main")).filteredOn(e -> e.kind() == EventKind.STDERR).extracting(TraceEvent::text)
        .containsExactly("the lesson failed: java.lang.IllegalStateException: lesson raised on purpose");
    List<TraceEvent> thread = events(ended.trace(), "throws");
    assertThat(thread).filteredOn(e -> e.kind() == EventKind.STDERR).extracting(TraceEvent::text)
        .containsExactly("Exception in thread \"throws\" java.lang.IllegalStateException: thread raised on purpose");
    assertThat(last(thread).value()).isEqualTo(1);
    assertThat(concurrencylab.export.EnglishTexts.render(last(events(ended.trace(), "hangs")).text())).isEqualTo("stopped (asked to end)");
  }
}
