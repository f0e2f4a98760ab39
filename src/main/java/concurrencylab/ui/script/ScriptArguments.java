package concurrencylab.ui.script;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments field's text as the script's {@code sys.argv[1:]}: words split at spaces, and a
 * word in single or double quotes kept whole, as a shell would ({@code 4 "two words" 'it''s'} is
 * not a shell: no variables, no escapes but the quotes, nothing is run).
 */
final class ScriptArguments {
  private ScriptArguments() {}

  /** The words of {@code text}; an IllegalArgumentException when a quote is left open. */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("a " + quote + " quote is not closed");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
