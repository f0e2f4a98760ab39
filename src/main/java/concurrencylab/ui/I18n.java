package concurrencylab.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app's texts in the chosen language. Every visible string is bound through {@link #text}, so
 * switching the language relabels the whole window without a restart.
 */
public final class I18n {
  public static final String BUNDLE = "concurrencylab.i18n.messages";
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  /**
   * The bundle is loaded in {@code invalidated()}, which runs before any listener hears of the
   * switch: a listener that reads a text at once (a label's skin does) must get the new language.
   */
  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>() {
    @Override
    protected void invalidated() {
      bundle = load(get());
    }
  };
  private ResourceBundle bundle;

  public I18n(Locale initial) {
    locale.set(initial);
  }

  /** English unless the system speaks Chinese. */
  public static Locale systemDefault() {
    return Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  private static ResourceBundle load(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  /** The text of a key now; a missing key shows as itself in brackets, which a test looks for. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
  }

  /** The text of a key, following language switches. */
  public StringBinding text(String key, Object... args) {
    return Bindings.createStringBinding(() -> get(key, args), locale);
  }
}
