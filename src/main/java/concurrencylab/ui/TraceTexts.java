package concurrencylab.ui;

import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.TraceEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own words inside a trace (how a lane ended, the phase marks the lessons set) in the
 * chosen language. The trace keeps them in English, as exports and the headless recorder write
 * them; what the programs printed is never translated.
 */
final class TraceTexts {
  private static final Map<Pattern, String> MARKS = new LinkedHashMap<>();
  private static final Pattern SIGNAL = Pattern.compile("killed by signal (\\d+)");

  static {
    MARKS.put(Pattern.compile("process end \\((\\d+) still running\\)"), "mark.processEnd");
    MARKS.put(Pattern.compile("parent branch: returned (\\d+) \\(the child's PID\\)"), "mark.parentBranch");
    MARKS.put(Pattern.compile("child branch: returned 0"), "mark.childBranch");
    MARKS.put(Pattern.compile("all done: ([\\d.]+) s"), "mark.allDone");
    MARKS.put(Pattern.compile(Pattern.quote(concurrencylab.lesson.LessonRun.PAUSED_MARK)), "mark.paused");
    MARKS.put(Pattern.compile(Pattern.quote(concurrencylab.lesson.LessonRun.RESUMED_MARK)), "mark.resumed");
  }

  private TraceTexts() {}

  /** A phase mark in the chosen language; marks that name code (close(), join()) stay as they are. */
  static String mark(String text, I18n i18n) {
    for (Map.Entry<Pattern, String> entry : MARKS.entrySet()) {
      Matcher matcher = entry.getKey().matcher(text);
      if (matcher.matches()) {
        Object[] args = new Object[matcher.groupCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = matcher.group(i + 1);
        }
        return i18n.get(entry.getValue(), args);
      }
    }
    return text;
  }

  /** How a lane ended: a process's exit status or signal, a thread's end, the run's outcome. */
  static String end(Lane lane, TraceEvent end, I18n i18n) {
    if (lane.parentId() == Lane.NO_PARENT) {
      return i18n.get("end.run." + end.text());
    }
    if (lane.kind() == LaneKind.THREAD) {
      return i18n.get("end.thread." + end.text());
    }
    if (end.text().equals(concurrencylab.runtime.WorkerProcess.STOPPED)) {
      return i18n.get("end.process.stopped");
    }
    Matcher signal = SIGNAL.matcher(end.text());
    return signal.matches() ? i18n.get("end.signal", signal.group(1)) : i18n.get("end.exit", end.value());
  }

  /** What a start says: the PID of a process, or that a thread lives in the app's process. */
  static String start(Lane lane, I18n i18n) {
    return lane.kind() == LaneKind.THREAD
        ? i18n.get("log.startedThread", Long.toString(lane.pid()))
        : i18n.get("log.startedProcess", Long.toString(lane.pid()));
  }
}
