package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.RunSnapshot;
import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop in the middle of the Process lesson's Python, eight children running: the script's own
 * process says it ended only after every child did, in the order the ends arrive and in time.
 */
class PythonStopOrderTest {
  @TempDir Path dir;

  @Test
  void theScriptsEndComesAfterItsChildrensWhenStopped() throws Exception {
    PythonRun.Options options = PythonRuns.options();
    Lesson lesson = LessonRegistry.createAll().stream().filter(l -> l.id().equals("process")).findFirst().orElseThrow();
    LessonCommandLine.set(LessonCommandLine.parameter(lesson, "children").orElseThrow(), "8");
    LessonCommandLine.set(LessonCommandLine.parameter(lesson, "maxSleepMillis").orElseThrow(), "2000");
    String script = lesson.pythonExample(RunSnapshot.of(lesson, "en"));
    for (int round = 0; round < 3; round++) {
      Trace trace = new Trace();
      RunScope scope = new RunScope(trace, "app");
      PythonRun run = PythonRun.startSource(scope, options, script, "script.py", List.of(), dir);
      List<TraceEvent> arrived = new ArrayList<>();
      // stopped once every child has started and is asleep
      while (arrived.stream().filter(e -> e.kind() == EventKind.PRINT && e.text().endsWith("running...")).count() < 8
          && !run.awaitEnd(10, TimeUnit.MILLISECONDS)) {
        arrived.addAll(trace.sync());
      }
      run.cancel();
      while (!run.awaitEnd(10, TimeUnit.MILLISECONDS)) {
        arrived.addAll(trace.sync());
      }
      arrived.addAll(trace.sync());
      assertThat(run.await().stopped()).as("round %s was stopped", round).isTrue();
      Lane main = trace.lanes().stream().filter(l -> l.name().equals("MainProcess")).findFirst().orElseThrow();
      List<Integer> processes = trace.lanes().stream().filter(l -> l.kind() == LaneKind.PROCESS && l.id() != 0).map(Lane::id).toList();
      List<TraceEvent> ends = arrived.stream().filter(e -> e.kind() == EventKind.END && processes.contains(e.lane())).toList();
      assertThat(ends).as("round %s: one end per process", round).hasSize(processes.size());
      TraceEvent last = ends.get(ends.size() - 1);
      assertThat(last.lane()).as("round %s: the script's end arrives last; ends %s", round, ends).isEqualTo(main.id());
      for (TraceEvent end : ends) {
        assertThat(end.time()).as("round %s: %s not after the script's end", round, end).isLessThanOrEqualTo(last.time());
      }
    }
  }
}
