package concurrencylab.export;

import concurrencylab.trace.AppText;
import concurrencylab.trace.TextBundles;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * The app's own texts of a trace ({@link AppText}) in English, as files written for other tools
 * carry them; plain text passes through unchanged.
 */
public final class EnglishTexts {
  private EnglishTexts() {}

  public static String render(String raw) {
    AppText.Keyed keyed = AppText.parse(raw);
    if (keyed == null) {
      return raw;
    }
    String pattern = TextBundles.pattern(keyed.key(), Locale.ROOT);
    if (pattern == null) {
      return keyed.key() + keyed.args();
    }
    try {
      return new MessageFormat(pattern, Locale.ENGLISH).format(keyed.args().toArray());
    } catch (IllegalArgumentException e) {
      return keyed.key() + keyed.args();
    }
  }
}
