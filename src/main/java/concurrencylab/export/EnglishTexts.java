package concurrencylab.export;

import concurrencylab.trace.AppText;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's own texts of a trace ({@link AppText}) in English, as files written for other tools
 * carry them; plain text passes through unchanged.
 */
public final class EnglishTexts {
  private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
      "concurrencylab.i18n.messages", Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  private EnglishTexts() {}

  public static String render(String raw) {
    AppText.Keyed keyed = AppText.parse(raw);
    if (keyed == null) {
      return raw;
    }
    try {
      return new MessageFormat(ENGLISH.getString(keyed.key()), Locale.ENGLISH).format(keyed.args().toArray());
    } catch (MissingResourceException | IllegalArgumentException e) {
      return keyed.key() + keyed.args();
    }
  }
}
