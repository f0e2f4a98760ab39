package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.CodeStep;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code panel's rule for a Python run traced by line: each lane is marked at the line of its
 * latest {@link EventKind#LINE} event at the moment shown (the event's value is the 1-based line,
 * the mark's key the 0-based index), in the lane's colour; a lane that ended is at no line.
 */
class CodeMarksLinesTest {
  private static final List<String> SCRIPT = List.of(
      "import threading",            // 1
      "def work():",                 // 2
      "    for i in range(3):",      // 3
      "        print(i)",            // 4
      "t = threading.Thread(target=work)", // 5
      "t.start()",                   // 6
      "t.join()");                   // 7

  private Trace trace;
  private Lane main;
  private Lane worker;

  @BeforeEach
  void twoLanes() {
    trace = new Trace();
    main = trace.addLane("MainProcess", LaneKind.PROCESS, 100, -1);
    worker = trace.addLane("Thread-1", LaneKind.THREAD, 100, main.id());
    trace.recordAt(main.id(), 10, EventKind.START, 0, "");
    trace.recordAt(main.id(), 20, EventKind.LINE, 5, "");
    trace.recordAt(main.id(), 30, EventKind.LINE, 6, "");
    trace.recordAt(worker.id(), 31, EventKind.START, 0, "");
    trace.recordAt(worker.id(), 32, EventKind.LINE, 3, "");
    trace.recordAt(main.id(), 40, EventKind.LINE, 7, "");
    trace.recordAt(worker.id(), 41, EventKind.LINE, 4, "");
    trace.recordAt(worker.id(), 42, EventKind.PRINT, 0, "0");
    trace.recordAt(worker.id(), 43, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(worker.id(), 50, EventKind.LINE, 3, "");
    trace.recordAt(worker.id(), 60, EventKind.END, 0, "ended");
    trace.recordAt(main.id(), 70, EventKind.END, 0, "exit 0");
    trace.sync();
  }

  private Map<Integer, List<Integer>> pythonAt(long time) {
    return CodeMarks.at(trace, time, List.of(), List.of("class Main {}"), SCRIPT).python();
  }

  @Test
  void eachLaneIsMarkedAtItsOwnLatestLine() {
    assertThat(pythonAt(41)).containsOnly(
        Map.entry(6, List.of(main.colorIndex())),     // the main thread's line 7, t.join()
        Map.entry(3, List.of(worker.colorIndex())));  // the worker's line 4, print(i)
    assertThat(main.colorIndex()).isNotEqualTo(worker.colorIndex());
  }

  @Test
  void theMarkIsTheLineAtTheMomentShownNotLater() {
    assertThat(pythonAt(5)).as("before any event").isEmpty();
    assertThat(pythonAt(25)).containsOnly(Map.entry(4, List.of(main.colorIndex())));
    assertThat(pythonAt(31)).as("a thread that started has no line before its first LINE")
        .containsOnly(Map.entry(5, List.of(main.colorIndex())));
    assertThat(pythonAt(35)).containsOnly(Map.entry(5, List.of(main.colorIndex())), Map.entry(2, List.of(worker.colorIndex())));
  }

  @Test
  void otherEventsAfterALineKeepTheMarkOnIt() {
    assertThat(pythonAt(43)).as("a print and a sleep after line 4").containsEntry(3, List.of(worker.colorIndex()));
    assertThat(pythonAt(55)).as("back at the loop's head").containsEntry(2, List.of(worker.colorIndex()));
  }

  @Test
  void aLaneThatEndedHasNoMark() {
    assertThat(pythonAt(60)).containsOnly(Map.entry(6, List.of(main.colorIndex())));
    assertThat(pythonAt(70)).isEmpty();
  }

  @Test
  void lanesAtTheSameLineShareItsMark() {
    Lane other = trace.addLane("Thread-2", LaneKind.THREAD, 100, main.id());
    trace.recordAt(other.id(), 44, EventKind.LINE, 7, ""); // as if it were at t.join() too
    trace.sync();
    assertThat(pythonAt(45)).containsOnly(
        Map.entry(6, List.of(main.colorIndex(), other.colorIndex())), Map.entry(3, List.of(worker.colorIndex())));
  }

  @Test
  void aLineOutsideTheScriptMarksNothingAndLinesLeaveTheJavaAlone() {
    Lane stray = trace.addLane("Thread-2", LaneKind.THREAD, 100, main.id());
    trace.recordAt(stray.id(), 45, EventKind.LINE, SCRIPT.size() + 1, "");
    trace.sync();
    CodeMarks marks = CodeMarks.at(trace, 45, List.of(), List.of("class Main {}"), SCRIPT);
    assertThat(marks.python()).doesNotContainValue(List.of(stray.colorIndex()));
    assertThat(marks.java()).isEmpty();
  }

  @Test
  void aLineWinsOverACodeStepOfTheSameLane() {
    CodeStep printing = CodeStep.printed("", "class Main {}", "t.start()");
    CodeMarks marks = CodeMarks.at(trace, 43, List.of(printing), List.of("class Main {}"), SCRIPT);
    assertThat(marks.python()).as("the worker printed (a step at t.start()) but said it is at line 4")
        .containsEntry(3, List.of(worker.colorIndex())).doesNotContainKey(5);
    assertThat(marks.java()).as("the step still marks the Java").containsEntry(0, List.of(worker.colorIndex()));
  }
}
