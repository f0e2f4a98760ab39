package concurrencylab.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A text of the app's own inside a trace (a phase mark, how a lane ended): kept as a bundle key and
 * its arguments, so it is put into words only when shown, in the language chosen then. It travels
 * as an event's text string: a start character no program prints, the key, and each argument
 * after a separator. Anything else (what programs printed, marks that name code) is plain text.
 */
public final class AppText {
  private static final char START = '\u0002';
  private static final char SEPARATOR = '\u001F';
  private static final char NUMBER = '\u0003';

  /** A decoded text: its key and arguments (numbers as {@link Long} or {@link Double}). */
  public record Keyed(String key, List<Object> args) {}

  private AppText() {}

  /** The event text for {@code key} with {@code args}; numbers stay numbers, so they format per language. */
  public static String of(String key, Object... args) {
    StringBuilder text = new StringBuilder().append(START).append(key);
    for (Object arg : args) {
      text.append(SEPARATOR);
      if (arg instanceof Number number) {
        text.append(NUMBER);
      }
      text.append(String.valueOf(arg).replace(SEPARATOR, ' ').replace(START, ' '));
    }
    return text.toString();
  }

  /** The key and arguments of an app text; null for plain text. */
  public static Keyed parse(String text) {
    if (text == null || text.isEmpty() || text.charAt(0) != START) {
      return null;
    }
    String[] parts = text.substring(1).split(String.valueOf(SEPARATOR), -1);
    List<Object> args = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      args.add(parts[i].startsWith(String.valueOf(NUMBER)) ? number(parts[i].substring(1)) : parts[i]);
    }
    return new Keyed(parts[0], args);
  }

  public static boolean isAppText(String text) {
    return parse(text) != null;
  }

  private static Object number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notWhole) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException notANumber) {
        return text;
      }
    }
  }
}
