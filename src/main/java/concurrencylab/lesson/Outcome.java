package concurrencylab.lesson;

import java.util.List;

/**
 * What a run amounts to, for the status line: a bundle key and its arguments (formatted by the UI
 * in the chosen language).
 */
public record Outcome(String messageKey, List<Object> args) {
  public static Outcome of(String messageKey, Object... args) {
    return new Outcome(messageKey, List.of(args));
  }
}
