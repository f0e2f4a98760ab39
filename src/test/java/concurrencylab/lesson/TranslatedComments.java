package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

/** What an example keeps when its comments are translated, in Python as in Java. */
final class TranslatedComments {
  static final String HAN = ".*\\p{IsHan}.*";

  private TranslatedComments() {}

  /**
   * Every line where it was, the code to the character, no marker left, and every comment in
   * Chinese but on the lines {@code sameInBoth} names (a file's name), which stay as they are.
   */
  static void assertOnlyTheCommentsChange(String what, CodeComments syntax, List<String> english, List<String> chinese, Predicate<String> sameInBoth) {
    assertThat(chinese).as(what).hasSameSizeAs(english);
    for (int i = 0; i < english.size(); i++) {
      String en = english.get(i);
      String zh = chinese.get(i);
      assertThat(en).as("%s line %d", what, i + 1).doesNotContain("zh:").doesNotMatch(HAN);
      assertThat(zh).as("%s line %d", what, i + 1).doesNotContain("zh:");
      assertThat(codeOf(syntax, zh)).as("%s line %d: the code", what, i + 1).isEqualTo(codeOf(syntax, en));
      if (syntax.commentStart(en) < 0 || sameInBoth.test(en)) {
        assertThat(zh).as("%s line %d", what, i + 1).isEqualTo(en);
      } else {
        assertThat(zh.substring(syntax.commentStart(zh))).as("%s line %d", what, i + 1).matches(HAN);
      }
    }
  }

  static String codeOf(CodeComments syntax, String line) {
    int comment = syntax.commentStart(line);
    return comment < 0 ? line : line.substring(0, comment);
  }
}
