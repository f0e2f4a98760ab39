package concurrencylab.ui.look;

/** The app's looks: each has its own stylesheet and its own colours for what canvases draw. */
public enum Theme {
  LIGHT("/concurrencylab/css/theme-light.css"),
  DARK("/concurrencylab/css/theme-dark.css"),
  HIGH_CONTRAST("/concurrencylab/css/theme-contrast.css");

  private final String stylesheet;

  Theme(String stylesheet) {
    this.stylesheet = stylesheet;
  }

  public String stylesheet() {
    return Theme.class.getResource(stylesheet).toExternalForm();
  }
}
