package concurrencylab.ui.tab;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The two languages the code panel shows, highlighted by a few regular expressions (as RichTextFX's
 * keyword demo does): enough for teaching examples, which hold no tricky literals. Each kind of
 * token gets a style class; the theme stylesheets colour them.
 */
enum CodeSyntax {
  PYTHON(
      "#[^\\n]*",
      "[rRbBfFuU]{0,2}(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"([^\"\\\\\\n]|\\\\.)*\"|'([^'\\\\\\n]|\\\\.)*')",
      List.of("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
          "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
          "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield")),
  JAVA(
      "//[^\\n]*|/\\*[\\s\\S]*?\\*/",
      "\"\"\"[\\s\\S]*?\"\"\"|\"([^\"\\\\\\n]|\\\\.)*\"|'([^'\\\\\\n]|\\\\.)*'",
      List.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "continue",
          "default", "do", "double", "else", "enum", "extends", "false", "final", "finally", "float", "for", "if",
          "implements", "import", "instanceof", "int", "interface", "long", "new", "null", "package", "private",
          "protected", "public", "record", "return", "short", "static", "super", "switch", "synchronized", "this",
          "throw", "throws", "true", "try", "var", "void", "volatile", "while", "yield"));

  static final String KEYWORD = "code-keyword";
  static final String STRING = "code-string";
  static final String COMMENT = "code-comment";
  static final String NUMBER = "code-number";

  private static final String NUMBER_PATTERN = "\\b(0[xX][0-9a-fA-F_]+|\\d[\\d_]*(\\.\\d+)?([eE][+-]?\\d+)?[lLfFdD]?)\\b";

  private final Pattern tokens;

  CodeSyntax(String comment, String string, List<String> keywords) {
    // comments and strings first: a keyword or a number inside them is not one
    tokens = Pattern.compile("(?<COMMENT>" + comment + ")|(?<STRING>" + string + ")|(?<KEYWORD>\\b("
        + String.join("|", keywords) + ")\\b)|(?<NUMBER>" + NUMBER_PATTERN + ")");
  }

  StyleSpans<Collection<String>> highlight(String code) {
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    Matcher m = tokens.matcher(code);
    int end = 0;
    while (m.find()) {
      String style = m.group("COMMENT") != null ? COMMENT
          : m.group("STRING") != null ? STRING
          : m.group("KEYWORD") != null ? KEYWORD
          : NUMBER;
      spans.add(List.of(), m.start() - end);
      spans.add(List.of(style), m.end() - m.start());
      end = m.end();
    }
    spans.add(List.of(), code.length() - end);
    return spans.create();
  }
}
