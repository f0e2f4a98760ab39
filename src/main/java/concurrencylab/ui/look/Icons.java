package concurrencylab.ui.look;

import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The icons beside the buttons' texts (Material Design icons as font glyphs). They take the text
 * colour from the base theme ({@code .button .ikonli-font-icon}) and their size from the text
 * beside them, so they follow the theme and presentation mode.
 */
public final class Icons {
  public static final String RUN = "mdi2p-play";
  public static final String PAUSE = "mdi2p-pause";
  public static final String STEP = "mdi2s-step-forward";
  public static final String STOP = "mdi2s-stop";
  public static final String REPLAY = "mdi2r-replay";
  public static final String EXPORT = "mdi2e-export";
  public static final String OPEN = "mdi2f-folder-open";
  public static final String RECENT = "mdi2h-history";
  public static final String NEW_SEED = "mdi2d-dice-multiple";
  public static final String FOCUS_TIMELINE = "mdi2c-chart-gantt";
  public static final String FOCUS_CODE = "mdi2c-code-braces";
  public static final String FOCUS_BOTH = "mdi2v-view-split-horizontal";

  private Icons() {}

  /** How large an icon is beside text of size 1. */
  private static final double TO_TEXT = 1.2;

  /** A fresh icon at the base theme's size, for a menu item (a node has one parent). */
  public static FontIcon of(String literal) {
    FontIcon icon = new FontIcon(literal);
    icon.getStyleClass().add("lab-icon");
    return icon;
  }

  /**
   * Puts the icon before the button's text, as large as the text whatever its size. Set here, not
   * in a stylesheet: an {@code em} size of the icon is taken from its own font, which is the icon's
   * size; and inline, because the base theme's size would win over a value set in code.
   */
  public static void put(Labeled button, String literal) {
    FontIcon icon = of(literal);
    button.setGraphic(icon);
    fit(icon, button.getFont());
    button.fontProperty().addListener((obs, old, now) -> fit(icon, now));
  }

  private static void fit(FontIcon icon, Font font) {
    // the icon keeps its font in its inline style too: replace the size alone
    String others = icon.getStyle().replaceAll("-fx-icon-size:[^;]*;?", "").strip();
    icon.setStyle(others + (others.isEmpty() || others.endsWith(";") ? "" : ";") + "-fx-icon-size: " + Math.round(font.getSize() * TO_TEXT) + "px;");
  }
}
