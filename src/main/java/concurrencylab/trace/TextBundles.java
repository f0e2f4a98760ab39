package concurrencylab.trace;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the app's words live, in each language: the app's bundle, and each lesson's own texts
 * beside its resources. A lesson's keys ({@code lesson.<id>.…}) come from its own bundle; a
 * control label it does not hold ({@code lesson.<id>.param.<name>}) falls back to the shared
 * {@code param.<name>}; every other key is in the app's bundle. The UI and the exports both look
 * texts up here, so a key means the same everywhere.
 */
public final class TextBundles {
  public static final String APP_BUNDLE = "concurrencylab.i18n.messages";
  private static final String LESSON = "lesson.";
  private static final ResourceBundle.Control EXACT =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final ResourceBundle NONE = new ResourceBundle() {
    @Override
    protected Object handleGetObject(String key) {
      return null;
    }

    @Override
    public java.util.Enumeration<String> getKeys() {
      return java.util.Collections.emptyEnumeration();
    }
  };
  private static final Map<String, ResourceBundle> LESSONS = new ConcurrentHashMap<>();

  private TextBundles() {}

  /** The message pattern of {@code key} in {@code locale}, or null when no bundle has it. */
  public static String pattern(String key, Locale locale) {
    String shared = key;
    if (key.startsWith(LESSON)) {
      int dot = key.indexOf('.', LESSON.length());
      if (dot > 0) {
        ResourceBundle own = lessonBundle(key.substring(LESSON.length(), dot), locale);
        if (own.containsKey(key)) {
          return own.getString(key);
        }
        String rest = key.substring(dot + 1);
        if (rest.startsWith("param.")) {
          shared = rest;
        }
      }
    }
    try {
      return ResourceBundle.getBundle(APP_BUNDLE, locale, EXACT).getString(shared);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  private static ResourceBundle lessonBundle(String lessonId, Locale locale) {
    return LESSONS.computeIfAbsent(lessonId + "|" + locale.toLanguageTag(), k -> {
      try {
        return ResourceBundle.getBundle("concurrencylab.lesson." + lessonId + ".texts", locale, EXACT);
      } catch (MissingResourceException none) {
        return NONE;
      }
    });
  }
}
