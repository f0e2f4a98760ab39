package concurrencylab.ui.tab;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * Fonts that have Chinese glyphs. JavaFX CSS takes one family per {@code -fx-font-family}, not a
 * list, so the first installed family of a list is chosen here. Without a CJK font JavaFX draws
 * boxes; with several, fontconfig's fallback may take a Japanese face for Han characters, hence the
 * Simplified Chinese faces first. The .deb depends on fonts-noto-cjk or fonts-wqy-microhei, so
 * one of these is there on a fresh Debian or Ubuntu.
 */
public final class CodeFonts {
  /** Latin in these is exactly half a Han character wide, so Chinese comments keep the columns. */
  static final List<String> CODE_FAMILIES = List.of(
      "Noto Sans Mono CJK SC", "Source Han Mono SC", "Sarasa Mono SC", "WenQuanYi Zen Hei Mono",
      "WenQuanYi Micro Hei Mono", "Noto Sans Mono CJK TC", "DejaVu Sans Mono", "Liberation Mono");
  static final List<String> UI_FAMILIES = List.of(
      "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
      "Microsoft YaHei", "PingFang SC", "Noto Sans CJK TC");
  /** JavaFX's logical fonts: always there, and fall back through fontconfig for missing glyphs. */
  static final String CODE_FALLBACK = "Monospaced";
  static final String UI_FALLBACK = "System";

  private static String code;
  private static String ui;

  private CodeFonts() {}

  public static synchronized String codeFamily() {
    if (code == null) {
      code = firstInstalled(CODE_FAMILIES, CODE_FALLBACK);
    }
    return code;
  }

  public static synchronized String uiFamily() {
    if (ui == null) {
      ui = firstInstalled(UI_FAMILIES, UI_FALLBACK);
    }
    return ui;
  }

  public static String firstInstalled(List<String> wanted, String fallback) {
    Set<String> installed = Set.copyOf(Font.getFamilies());
    return wanted.stream().filter(installed::contains).findFirst().orElse(fallback);
  }

  /**
   * The stylesheet that gives the window's text a Chinese face while the language is Chinese, or
   * null when the system's own font serves (English, or no CJK family found).
   */
  public static String uiStylesheet(Locale locale) {
    if (!locale.getLanguage().equals("zh")) {
      return null; // asked before the window's first frame: no scan of the installed fonts for English
    }
    String family = uiFamily();
    if (family.equals(UI_FALLBACK)) {
      return null;
    }
    String css = ".root { -fx-font-family: \"" + family + "\"; }";
    return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
  }

  /** Keeps the scene's face in step with the language. */
  public static void follow(Scene scene, ObservableValue<Locale> locale) {
    locale.addListener((o, old, now) -> apply(scene, old, now));
    apply(scene, null, locale.getValue());
  }

  private static void apply(Scene scene, Locale old, Locale now) {
    if (old != null && uiStylesheet(old) != null) {
      scene.getStylesheets().remove(uiStylesheet(old));
    }
    String sheet = uiStylesheet(now);
    if (sheet != null) {
      scene.getStylesheets().add(sheet);
    }
  }
}
