package concurrencylab.ui.tab;

import concurrencylab.lesson.CodeLine;
import concurrencylab.lesson.CodeStep;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which line each lane is at, at a moment of a run: its latest event that a code step ties to a
 * line. No JavaFX: the code panel draws the result.
 *
 * @param java line index (0-based) → colour indices of the lanes at that line of the Java
 * @param python the same for the Python
 */
record CodeMarks(Map<Integer, List<Integer>> java, Map<Integer, List<Integer>> python) {
  /** How far back in a lane's events to look for one that marks a line. */
  private static final int LOOK_BACK = 64;

  static CodeMarks at(Trace trace, long time, List<CodeStep> steps, List<String> javaLines, List<String> pythonLines) {
    Map<Integer, List<Integer>> javaMarks = new TreeMap<>();
    Map<Integer, List<Integer>> pythonMarks = new TreeMap<>();
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      int last = track.lastIndexAtOrBefore(time);
      if (last >= 0 && track.kind(last) == EventKind.END) {
        continue; // an ended lane is at no line
      }
      CodeStep step = latestStep(track, last, steps);
      int line = latestLine(track, last);
      if (step != null) {
        mark(javaMarks, step.java(), javaLines, lane.colorIndex());
      }
      if (line >= 0 && line < pythonLines.size()) { // the line the Python thread said it is at
        pythonMarks.computeIfAbsent(line, l -> new ArrayList<>()).add(lane.colorIndex());
      } else if (step != null) {
        mark(pythonMarks, step.python(), pythonLines, lane.colorIndex());
      }
    }
    return new CodeMarks(javaMarks, pythonMarks);
  }

  /** The 0-based script line of the lane's latest {@link EventKind#LINE} event, or -1. */
  private static int latestLine(LaneTrack track, int last) {
    for (int i = last; i >= 0 && i > last - LOOK_BACK; i--) {
      if (track.kind(i) == EventKind.LINE) {
        return (int) track.value(i) - 1;
      }
    }
    return -1;
  }

  private static CodeStep latestStep(LaneTrack track, int last, List<CodeStep> steps) {
    for (int i = last; i >= 0 && i > last - LOOK_BACK; i--) {
      for (CodeStep step : steps) {
        if (step.matches(track.kind(i), track.value(i), track.text(i)) && printedBefore(track, i, step.afterPrint())) {
          return step;
        }
      }
    }
    return null;
  }

  private static boolean printedBefore(LaneTrack track, int index, String printed) {
    if (printed.isEmpty()) {
      return true;
    }
    for (int i = index - 1; i >= 0 && i > index - LOOK_BACK; i--) {
      if (track.kind(i) == EventKind.PRINT && track.text(i).contains(printed)) {
        return true;
      }
    }
    return false;
  }

  private static void mark(Map<Integer, List<Integer>> marks, CodeLine line, List<String> lines, int color) {
    int index = line.indexIn(lines);
    if (index >= 0) {
      marks.computeIfAbsent(index, l -> new ArrayList<>()).add(color);
    }
  }
}
