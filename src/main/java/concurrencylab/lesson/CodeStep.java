package concurrencylab.lesson;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;

/**
 * Ties a kind of event to the code that produced it, so the code panel can mark, for each lane, the
 * line it is at. Lessons choose their steps for the run's own parameters (a mode, a choice), so a
 * mark always lies in the code that ran.
 *
 * @param kind the event kind to match
 * @param value the event value to match ({@link #ANY}; a {@link LaneState} ordinal for {@link
 *     EventKind#STATE}; a hold count for lock events)
 * @param textContains a part of the event's text, or "" for any
 * @param afterPrint "" or a part of a line the lane printed before: the step matches only then
 *     (the same wait before and after a print are different lines)
 * @param java the line in the Java excerpts
 * @param python the line in the Python script
 */
public record CodeStep(EventKind kind, long value, String textContains, String afterPrint, CodeLine java, CodeLine python) {
  public static final long ANY = Long.MIN_VALUE;

  public static CodeStep printed(String textContains, String java, String python) {
    return printed(textContains, CodeLine.of(java), CodeLine.of(python));
  }

  public static CodeStep printed(String textContains, CodeLine java, CodeLine python) {
    return new CodeStep(EventKind.PRINT, ANY, textContains, "", java, python);
  }

  public static CodeStep of(EventKind kind, String java, String python) {
    return of(kind, CodeLine.of(java), CodeLine.of(python));
  }

  public static CodeStep of(EventKind kind, CodeLine java, CodeLine python) {
    return new CodeStep(kind, ANY, "", "", java, python);
  }

  public static CodeStep marked(String textContains, String java, String python) {
    return new CodeStep(EventKind.MARKER, ANY, textContains, "", CodeLine.of(java), CodeLine.of(python));
  }

  public static CodeStep inState(LaneState state, String java, String python) {
    return inState(state, CodeLine.of(java), CodeLine.of(python));
  }

  public static CodeStep inState(LaneState state, CodeLine java, CodeLine python) {
    return new CodeStep(EventKind.STATE, state.ordinal(), "", "", java, python);
  }

  /** This step, matching only events of this value. */
  public CodeStep withValue(long wanted) {
    return new CodeStep(kind, wanted, textContains, afterPrint, java, python);
  }

  /** This step, matching only once the lane has printed a line containing {@code printed}. */
  public CodeStep afterPrinting(String printed) {
    return new CodeStep(kind, value, textContains, printed, java, python);
  }

  public boolean matches(EventKind eventKind, long eventValue, String text) {
    if (eventKind != kind) {
      return false;
    }
    if (value != ANY && eventValue != value) {
      return false;
    }
    return textContains.isEmpty() || text.contains(textContains);
  }
}
