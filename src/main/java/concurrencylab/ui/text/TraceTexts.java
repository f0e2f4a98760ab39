package concurrencylab.ui.text;

import concurrencylab.trace.AppText;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;

/**
 * The app's own words inside a trace (how a lane ended, the phase marks the lessons set) in the
 * chosen language: the trace keeps them as keys with arguments ({@link AppText}); plain text, such
 * as what the programs printed or a mark that names code, is shown as it is.
 */
public final class TraceTexts {
  private TraceTexts() {}

  /**
   * An event's text in the chosen language: a phase mark, how a lane ended; marks that name code
   * (close(), join()) and what programs printed stay as they are.
   */
  public static String text(String raw, I18n i18n) {
    AppText.Keyed keyed = AppText.parse(raw);
    return keyed == null ? raw : i18n.get(keyed.key(), keyed.args().toArray());
  }

  /** What a start says: the PID of a process, or that a thread lives in the app's process. */
  public static String start(Lane lane, I18n i18n) {
    return lane.kind() == LaneKind.THREAD
        ? i18n.get("log.startedThread", Long.toString(lane.pid()))
        : i18n.get("log.startedProcess", Long.toString(lane.pid()));
  }
}
