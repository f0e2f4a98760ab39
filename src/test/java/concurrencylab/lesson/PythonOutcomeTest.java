package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.runtime.python.PythonFinder;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Process lesson's Python run says what its Java run says: how many children the script
 * started, and how many had not ended when it printed "process end", as its console shows.
 */
class PythonOutcomeTest {
  @Test
  void theProcessScriptsOutcomeCountsTheChildrenStillRunningAtProcessEnd() throws Exception {
    PythonFinder.Result found = PythonFinder.find();
    Assumptions.assumeTrue(found instanceof PythonFinder.Found, "no Python >= 3.8");
    PythonRun.Options python = new PythonRun.Options(((PythonFinder.Found) found).executable(), PythonRun.DEFAULT_MAX_PROCESSES);
    ProcessLesson process = new ProcessLesson();
    process.children().set(4);
    LessonCommandLine.set(LessonCommandLine.parameter(process, "maxSleepMillis").orElseThrow(), "600");
    for (ProcessLesson.JoinMode join : ProcessLesson.JoinMode.values()) {
      process.join().value().set(join);
      for (String method : List.of("FORK", "SPAWN")) {
        LessonCommandLine.set(LessonCommandLine.parameter(process, "startMethod").orElseThrow(), method);
        LessonDrive.Ended ended = LessonDrive.run(PythonLesson.of(process, python));
        assertThat(ended.result().status()).isEqualTo(LessonRun.Status.COMPLETED);
        Outcome outcome = ended.run().outcomeOfPythonRun();

        // the console's own account: the children's "ends" lines printed after "process end"
        List<TraceEvent> printed = prints(ended.trace());
        long processEnd = printed.stream().filter(e -> e.text().equals("process end")).findFirst().orElseThrow().time();
        long endedAfter = printed.stream().filter(e -> e.text().matches("child process \\d \\(\\d+\\) ends") && e.time() > processEnd).count();
        assertThat(outcome).as("%s, %s", join, method).isEqualTo(Outcome.of("outcome.process", 4, endedAfter));
        if (join == ProcessLesson.JoinMode.ALL) {
          assertThat(endedAfter).isZero();
        }
      }
    }
  }

  private static List<TraceEvent> prints(concurrencylab.trace.Trace trace) {
    List<TraceEvent> found = new java.util.ArrayList<>();
    for (concurrencylab.trace.Lane lane : trace.lanes()) {
      concurrencylab.trace.LaneTrack track = trace.store().track(lane.id());
      for (int i = 0; i < track.size(); i++) {
        if (track.kind(i) == EventKind.PRINT) {
          found.add(track.event(lane.id(), i));
        }
      }
    }
    return found;
  }
}
