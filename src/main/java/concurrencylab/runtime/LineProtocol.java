package concurrencylab.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol between the app and its worker processes. A protocol line starts with the
 * ASCII record separator and "cl ", so ordinary text a child prints can never be mistaken for one;
 * every other line is the child's own output.
 *
 * <pre>
 * child → parent:  ␞cl ready TIME PID | print TIME TEXT | state TIME STATE | mark TIME TEXT
 *                  ␞cl begin TIME TASK | end TIME TASK | fail TIME TASK MESSAGE
 * parent → child:  ␞cl run TASK CLASS⇥ARG⇥ARG…   (arguments escaped, see {@link #escape})
 * </pre>
 *
 * TIME is nanoseconds on the run's time base as the child's clock saw it.
 */
public final class LineProtocol {
  public static final String PREFIX = "\u001Ecl ";

  /** What a child can report. */
  public enum Verb {
    READY,
    PRINT,
    MARK,
    STATE,
    BEGIN,
    END,
    FAIL,
    RUN
  }

  /**
   * One parsed protocol line.
   *
   * @param number the PID for READY, the task number for task verbs, 0 otherwise
   * @param text the printed text, the state name, the failure message, or the run arguments
   */
  public record Message(Verb verb, long time, long number, String text) {}

  private LineProtocol() {}

  public static String ready(long time, long pid) {
    return line("ready", time).append(pid).toString();
  }

  public static String print(long time, String text) {
    return line("print", time).append(text).toString();
  }

  public static String mark(long time, String label) {
    return line("mark", time).append(oneLine(label)).toString();
  }

  public static String state(long time, String state) {
    return line("state", time).append(state).toString();
  }

  public static String begin(long time, long task) {
    return line("begin", time).append(task).toString();
  }

  public static String end(long time, long task) {
    return line("end", time).append(task).toString();
  }

  public static String fail(long time, long task, String message) {
    return line("fail", time).append(task).append(' ').append(oneLine(message)).toString();
  }

  /**
   * A child's line up to its time and the space after it. A StringBuilder rather than {@code +}:
   * javac compiles {@code +} to an invokedynamic whose first use spins method handle classes, and
   * READY is the first line of every worker, so that cost would sit in every worker's start.
   */
  private static StringBuilder line(String verb, long time) {
    return new StringBuilder(64).append(PREFIX).append(verb).append(' ').append(time).append(' ');
  }

  /** A task for a worker: run {@code taskClass} with {@code args}, passed literally. */
  public static String run(long task, String taskClass, List<String> args) {
    StringBuilder line = new StringBuilder(PREFIX).append("run 0 ").append(task).append(' ');
    line.append(escape(taskClass));
    for (String arg : args) {
      line.append('\t').append(escape(arg));
    }
    return line.toString();
  }

  /** Splits the text of a RUN message into the task class and its arguments, unescaped. */
  public static List<String> runArguments(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split("\t", -1)) {
      parts.add(unescape(part));
    }
    return parts;
  }

  /**
   * Parses a line; null when it is not a well-formed protocol line, in which case the caller
   * records it as text.
   */
  public static Message parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = line.substring(PREFIX.length()).split(" ", 4);
    if (parts.length < 3) {
      return null;
    }
    Verb verb;
    long time;
    try {
      verb = Verb.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
      time = Long.parseLong(parts[1]);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String rest = parts.length == 4 ? parts[2] + " " + parts[3] : parts[2];
    return switch (verb) {
      case PRINT, MARK, STATE -> new Message(verb, time, 0, rest);
      case READY, BEGIN, END -> parts.length == 3 ? numbered(verb, time, parts[2], "") : null;
      case FAIL, RUN -> parts.length == 4 ? numbered(verb, time, parts[2], parts[3]) : null;
    };
  }

  private static Message numbered(Verb verb, long time, String number, String text) {
    try {
      return new Message(verb, time, Long.parseLong(number), text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
  }

  static String escape(String arg) {
    StringBuilder out = new StringBuilder(arg.length());
    for (char c : arg.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String arg) {
    StringBuilder out = new StringBuilder(arg.length());
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c == '\\' && i + 1 < arg.length()) {
        char next = arg.charAt(++i);
        out.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
