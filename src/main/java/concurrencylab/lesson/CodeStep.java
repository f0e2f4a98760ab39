package concurrencylab.lesson;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;

/**
 * Ties a kind of event to the code that produced it, so the code panel can mark, for each lane, the
 * line it is at. The lines are found by a snippet of their text in the lesson's examples, so they
 * follow edits of the examples.
 *
 * @param kind the event kind to match
 * @param state for {@link EventKind#STATE}, the state to match; null for any
 * @param textContains a part of the event's text, or "" for any
 * @param javaSnippet a part of the line in {@code Example.java}
 * @param pythonSnippet a part of the line in {@code example.py}
 */
public record CodeStep(EventKind kind, LaneState state, String textContains, String javaSnippet, String pythonSnippet) {
  public static CodeStep printed(String textContains, String javaSnippet, String pythonSnippet) {
    return new CodeStep(EventKind.PRINT, null, textContains, javaSnippet, pythonSnippet);
  }

  public static CodeStep of(EventKind kind, String javaSnippet, String pythonSnippet) {
    return new CodeStep(kind, null, "", javaSnippet, pythonSnippet);
  }

  public static CodeStep inState(LaneState state, String javaSnippet, String pythonSnippet) {
    return new CodeStep(EventKind.STATE, state, "", javaSnippet, pythonSnippet);
  }

  public boolean matches(EventKind eventKind, long value, String text) {
    if (eventKind != kind) {
      return false;
    }
    if (state != null && value != state.ordinal()) {
      return false;
    }
    return textContains.isEmpty() || text.contains(textContains);
  }
}
