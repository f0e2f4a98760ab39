package concurrencylab.ui.look;

/**
 * The app's looks. Each is an AtlantaFX base theme (the user agent stylesheet: every control) with
 * a stylesheet of ours on top that holds our colours as looked-up colours ({@code -lab-*}), read by
 * {@link Palette} for what canvases draw. High contrast sits on Primer Dark and overrides its
 * colours too, so the controls turn high contrast with the rest.
 */
public enum Theme {
  LIGHT(Primer.LIGHT, "light.css"),
  DARK(Primer.DARK, "dark.css"),
  HIGH_CONTRAST(Primer.DARK, "contrast.css");

  /**
   * AtlantaFX's Primer stylesheets, by the resource path its {@code PrimerLight} and {@code
   * PrimerDark} return: its 2.1.0 classes are built for Java 21 and we run on 17, its CSS is
   * plain CSS.
   */
  private static final class Primer {
    static final String LIGHT = "/atlantafx/base/theme/primer-light.css";
    static final String DARK = "/atlantafx/base/theme/primer-dark.css";
  }

  /** What every theme shares: the layout and styling of our own parts, in the themes' colours. */
  private static final String COMMON = "lab.css";

  private final String base;
  private final String stylesheet;

  Theme(String base, String stylesheet) {
    this.base = base;
    this.stylesheet = stylesheet;
  }

  /** The base theme's stylesheet, for {@code Application.setUserAgentStylesheet}. */
  public String userAgentStylesheet() {
    return url(base);
  }

  /** This theme's colours. */
  public String stylesheet() {
    return url(stylesheet);
  }

  /** The stylesheet of our parts, the same in every theme; the theme's colours go after it. */
  public static String commonStylesheet() {
    return url(COMMON);
  }

  /** Its binary form, made by the build, where there is one ({@link BinaryStylesheets}). */
  private static String url(String name) {
    return BinaryStylesheets.url(name);
  }
}
