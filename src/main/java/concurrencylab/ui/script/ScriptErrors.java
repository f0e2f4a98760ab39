package concurrencylab.ui.script;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the interpreter said a run of the script went wrong: in each lane's stderr, a traceback's
 * (or a syntax error's) last {@code File "…/name.py", line N} of the script itself, and the message
 * that closes it ({@code ZeroDivisionError: division by zero}). Read as the run's events arrive,
 * each only once; no JavaFX, the code side draws the marks.
 */
final class ScriptErrors {
  private static final Pattern FILE_LINE = Pattern.compile("^\\s*File \"(.*)\", line (\\d+)");

  /** An error of the script: on which lane, when it was said, at which line (0-based), with what message. */
  record Mark(int laneId, int colorIndex, long time, int line, String message) {}

  private final String fileName;
  private final Map<Integer, Integer> scanned = new HashMap<>();
  private final Map<Integer, Integer> pendingLine = new HashMap<>();
  private final List<Mark> marks = new ArrayList<>();

  /** Errors in the file called {@code fileName} (a traceback names the script by its path). */
  ScriptErrors(String fileName) {
    this.fileName = fileName;
  }

  /** Reads what each lane recorded since the last call. */
  void scan(Trace trace) {
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      int from = scanned.getOrDefault(lane.id(), 0);
      for (int i = from; i < track.size(); i++) {
        if (track.kind(i) == EventKind.STDERR) {
          read(lane, track.time(i), track.text(i));
        }
      }
      scanned.put(lane.id(), track.size());
    }
  }

  private void read(Lane lane, long time, String text) {
    Matcher m = FILE_LINE.matcher(text);
    if (m.find()) {
      if (isTheScript(m.group(1))) {
        try {
          pendingLine.put(lane.id(), Integer.parseInt(m.group(2)) - 1);
        } catch (NumberFormatException tooLong) {
          // no line of any script
        }
      }
      return;
    }
    Integer line = pendingLine.get(lane.id());
    if (line != null && !text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && !text.startsWith("Traceback")) {
      marks.add(new Mark(lane.id(), lane.colorIndex(), time, line, text.strip()));
      pendingLine.remove(lane.id());
    }
  }

  private boolean isTheScript(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1).equals(fileName);
  }

  /** Each lane's latest error said at or before {@code time}: line → the lanes' colours. */
  Map<Integer, List<Integer>> linesAt(long time) {
    Map<Integer, Mark> latest = new HashMap<>();
    for (Mark mark : marks) {
      if (mark.time() <= time) {
        latest.put(mark.laneId(), mark);
      }
    }
    Map<Integer, List<Integer>> lines = new HashMap<>();
    latest.values().forEach(mark -> lines.computeIfAbsent(mark.line(), l -> new ArrayList<>()).add(mark.colorIndex()));
    return lines;
  }

  /** The first error of the run said at or before {@code time}: the one to read first. */
  Optional<Mark> firstAt(long time) {
    return marks.stream().filter(m -> m.time() <= time).findFirst();
  }
}
