package concurrencylab.ui.text;

import concurrencylab.trace.TextBundles;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app's texts in the chosen language. Every visible string is bound through {@link #text}, so
 * switching the language relabels the whole window without a restart.
 */
public final class I18n {
  public static final String BUNDLE = TextBundles.APP_BUNDLE;
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  /**
   * The language now. Texts are looked up from it on each use, not from a bundle a listener keeps
   * up to date: a switch invalidates the text bindings before any change listener runs, and a text
   * recomputed then would read the old language.
   */
  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();

  public I18n(Locale initial) {
    locale.set(initial);
  }

  /** English unless the system speaks Chinese. */
  public static Locale systemDefault() {
    return Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  /** The text of a key now; a missing key shows as itself in brackets, which a test looks for. */
  public String get(String key, Object... args) {
    String pattern = pattern(key);
    if (pattern == null) {
      return "[" + key + "]";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
  }

  private String pattern(String key) {
    return TextBundles.pattern(key, locale.get());
  }

  /** The text of a key, following language switches. */
  public StringBinding text(String key, Object... args) {
    return Bindings.createStringBinding(() -> get(key, args), locale);
  }
}
