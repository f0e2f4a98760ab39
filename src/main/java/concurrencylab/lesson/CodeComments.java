package concurrencylab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The comments of a code example in the reader's language. A comment carries its Chinese beside
 * it, {@code x = 1  # English  ## zh: 中文} or {@code x = 1; // English  ## zh: 中文}, so the two
 * cannot drift apart and a translation keeps every line where it was (the code steps and the lanes'
 * marks find their lines by position and text). Only comments change; the code, strings included,
 * stays as it runs. A block comment on one line, <code>/** English  ## zh: 中文 *&#47;</code>, keeps
 * its closing in both languages.
 */
public final class CodeComments {
  /** Python: {@code #} to the end of the line. */
  public static final CodeComments PYTHON = new CodeComments(List.of("#"));
  /** Java: {@code //} to the end of the line, or a block comment that ends the line. */
  public static final CodeComments JAVA = new CodeComments(List.of("//", "/**", "/*"));

  static final String CHINESE = " ## zh: ";
  private static final String BLOCK = "/*";
  private static final String BLOCK_END = "*/";

  /** What opens a comment, longer before shorter where one begins with another. */
  private final List<String> openers;

  private CodeComments(List<String> openers) {
    this.openers = openers;
  }

  /** {@code code} with each comment in {@code languageTag}'s language ("en", "zh-CN"). */
  public String in(String code, String languageTag) {
    boolean chinese = languageTag.startsWith("zh");
    List<String> out = new ArrayList<>();
    for (String line : code.split("\n", -1)) {
      out.add(translated(line, chinese));
    }
    return String.join("\n", out);
  }

  private String translated(String line, boolean chinese) {
    if (!line.contains(CHINESE)) {
      return line;
    }
    int comment = commentStart(line);
    int marker = comment < 0 ? -1 : line.indexOf(CHINESE, comment);
    if (marker < 0) {
      throw new IllegalArgumentException("a translation outside a comment: " + line);
    }
    String opener = openerAt(line, comment);
    String translation = line.substring(marker + CHINESE.length()).strip();
    String end = "";
    if (opener.startsWith(BLOCK)) {
      if (!translation.endsWith(BLOCK_END)) {
        throw new IllegalArgumentException("a translated block comment that does not end the line: " + line);
      }
      translation = translation.substring(0, translation.length() - BLOCK_END.length()).strip();
      end = " " + BLOCK_END;
    }
    if (!chinese) {
      return line.substring(0, marker).stripTrailing() + end;
    }
    return line.substring(0, comment) + opener + " " + translation + end;
  }

  /** Where the comment starts: the first opener outside a string or character literal, or -1. */
  int commentStart(String line) {
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
      } else if (!openerAt(line, i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private String openerAt(String line, int at) {
    for (String opener : openers) {
      if (line.startsWith(opener, at)) {
        return opener;
      }
    }
    return "";
  }
}
