package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Effort;
import concurrencylab.runtime.Await;
import concurrencylab.runtime.python.PythonFinder;
import concurrencylab.runtime.python.PythonRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Soak, issue 13: every lesson in Java and, where its script runs headless, in Python, back to back
 * with short parameters — a few dozen runs in {@code mvn verify}, 10,000 in all with -Plong
 * ({@code -Dconcurrencylab.soak.bilingualRuns=N} sets the count). After each run its children are
 * gone; at the end the live threads, open descriptors and child processes are back at the baseline.
 */
class BilingualSoakTest {
  @Test
  void everyLessonInBothLanguagesBackToBackLeavesNothingBehind() throws Exception {
    PythonFinder.Result found = PythonFinder.find();
    if (found instanceof PythonFinder.NotFound none) {
      System.out.println("bilingual soak skipped: " + none.reason());
    }
    Assumptions.assumeTrue(found instanceof PythonFinder.Found, "no Python >= 3.8");
    PythonRun.Options python = new PythonRun.Options(((PythonFinder.Found) found).executable(), PythonRun.DEFAULT_MAX_PROCESSES);
    FxToolkit.registerPrimaryStage();
    List<Lesson> runs = new ArrayList<>();
    for (Lesson lesson : LessonRegistry.createAll()) {
      runs.add(lesson);
      if (PythonLesson.headlessProblem(lesson).isEmpty()) {
        runs.add(PythonLesson.of(lesson, python));
      }
    }
    int total = Effort.count("soak.bilingualRuns", 2 * runs.size(), 10_000);

    for (Lesson each : runs) { // warm-up: the JDK's lazy threads and classes join the baseline
      run(each, 0);
    }
    Await.until(Duration.ofSeconds(30), () -> Resources.liveChildren() == 0, "the warm-up's children are gone");
    Resources baseline = Resources.nowAfterGc();
    List<String> baselineFds = Resources.fdTargets();

    long events = 0;
    for (int n = 0; n < total; n++) {
      events += run(runs.get(n % runs.size()), n / runs.size());
    }
    Resources settled = Resources.awaitBackTo(baseline, baselineFds);
    System.out.printf("bilingual soak: %d runs of %d (lesson, language) pairs, %,d events%n  before: %s%n  after:  %s%n",
        total, runs.size(), events, baseline.describe(), settled.describe());
  }

  private static long run(Lesson lesson, int round) throws InterruptedException {
    Lesson target = lesson instanceof PythonLesson python ? python.lesson() : lesson;
    LessonDrive.shorten(target, round);
    LessonDrive.Ended ended = LessonDrive.run(lesson);
    String language = lesson instanceof PythonLesson ? "Python" : "Java";
    assertThat(ended.result().status()).as("%s in %s, round %d: %s", lesson.id(), language, round, ended.result().failure())
        .isEqualTo(LessonRun.Status.COMPLETED);
    LessonDrive.assertWellEnded(ended);
    Await.until(Duration.ofSeconds(10), () -> Resources.liveChildren() == 0, "the children of " + lesson.id() + " in " + language + " are gone");
    return ended.drained();
  }
}
