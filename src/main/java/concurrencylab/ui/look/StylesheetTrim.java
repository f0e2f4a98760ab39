package concurrencylab.ui.look;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stylesheet's text without the selectors that name a given kind of style class: each such
 * selector goes, and a rule whose selectors all went goes with them; every other rule is kept as
 * written and in its place. Made for AtlantaFX's generated stylesheets (rules of selectors and
 * declarations, nothing nested): anything else (an at-rule, a nested block, a comma inside a
 * pseudo-class's parentheses) stops it, rather than be cut wrongly.
 */
final class StylesheetTrim {
  private static final Pattern STYLE_CLASS = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");

  private StylesheetTrim() {}

  static String without(String css, Predicate<String> styleClass) {
    String text = withoutComments(css);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int open = text.indexOf('{', at);
      if (open < 0) {
        if (!text.substring(at).isBlank()) {
          throw new IllegalArgumentException("text after the last rule: " + text.substring(at).strip());
        }
        return out.toString();
      }
      int close = text.indexOf('}', open);
      String selectors = text.substring(at, open).strip();
      if (close < 0 || selectors.isEmpty() || selectors.contains("@") || selectors.contains("}") || commaInParentheses(selectors)
          || text.substring(open + 1, close).contains("{")) {
        throw new IllegalArgumentException("not a plain rule at " + shortened(text.substring(at)));
      }
      List<String> kept = new ArrayList<>();
      for (String selector : selectors.split(",")) {
        if (!names(selector, styleClass)) {
          kept.add(selector.strip());
        }
      }
      if (!kept.isEmpty()) {
        out.append(String.join(",\n", kept)).append(" {").append(text, open + 1, close).append("}\n");
      }
      at = close + 1;
    }
  }

  /** A comma inside a pseudo-class's parentheses would not part two selectors. */
  private static boolean commaInParentheses(String selectors) {
    int depth = 0;
    for (char c : selectors.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth != 0) {
        return true;
      }
    }
    return depth != 0;
  }

  /** Whether {@code selector} names a style class that {@code styleClass} accepts, in any of its parts. */
  static boolean names(String selector, Predicate<String> styleClass) {
    Matcher matcher = STYLE_CLASS.matcher(selector);
    while (matcher.find()) {
      if (styleClass.test(matcher.group(1))) {
        return true;
      }
    }
    return false;
  }

  /** The text with its comments left out (a comment's marks inside a quoted string are text). */
  private static String withoutComments(String css) {
    StringBuilder out = new StringBuilder(css.length());
    char quote = 0;
    for (int i = 0; i < css.length(); i++) {
      char c = css.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < css.length()) {
          out.append(css.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        out.append(c);
      } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
        int end = css.indexOf("*/", i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("an unclosed comment");
        }
        i = end + 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String shortened(String text) {
    String start = text.strip();
    return start.length() > 80 ? start.substring(0, 80) + "…" : start;
  }
}
