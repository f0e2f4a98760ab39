package concurrencylab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The comments of a Python example in the reader's language. A comment carries its Chinese beside
 * it, {@code x = 1  # English  ## zh: 中文}, so the two cannot drift apart and a translation keeps
 * every line where it was (the code steps and the lanes' marks find their lines by position and
 * text). Only comments change; the code, strings included, stays as it runs.
 */
public final class PythonComments {
  static final String CHINESE = " ## zh: ";

  private PythonComments() {}

  /** {@code script} with each comment in {@code languageTag}'s language ("en", "zh-CN"). */
  public static String in(String script, String languageTag) {
    boolean chinese = languageTag.startsWith("zh");
    List<String> out = new ArrayList<>();
    for (String line : script.split("\n", -1)) {
      out.add(translated(line, chinese));
    }
    return String.join("\n", out);
  }

  private static String translated(String line, boolean chinese) {
    int marker = line.indexOf(CHINESE);
    if (marker < 0) {
      return line;
    }
    if (!chinese) {
      return line.substring(0, marker).stripTrailing();
    }
    int comment = commentStart(line);
    if (comment < 0 || comment > marker) {
      throw new IllegalArgumentException("a translation outside a comment: " + line);
    }
    return line.substring(0, comment) + "# " + line.substring(marker + CHINESE.length()).strip();
  }

  /** Where the comment starts: the first {@code #} outside a string, or -1. */
  static int commentStart(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return i;
      }
    }
    return -1;
  }
}
