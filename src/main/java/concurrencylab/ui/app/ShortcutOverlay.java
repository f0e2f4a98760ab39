package concurrencylab.ui.app;

import concurrencylab.ui.text.I18n;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The "?" overlay: every keyboard shortcut with what it does. */
final class ShortcutOverlay {
  static final String[][] SHORTCUTS = {
    {"F5 / Space", "shortcut.run"},
    {"Esc", "shortcut.stop"},
    {"P", "shortcut.pause"},
    {"S", "shortcut.step"},
    {"R", "shortcut.replay"},
    {"+ / −", "shortcut.zoom"},
    {"0", "shortcut.fit"},
    {"Ctrl+1 … Ctrl+9", "shortcut.tab"},
    {"F", "shortcut.focus"},
    {"F9", "shortcut.present"},
    {"Ctrl+= / Ctrl+−", "shortcut.size"},
    {"F11", "shortcut.fullScreen"},
    {"? / F1", "shortcut.help"},
  };

  private ShortcutOverlay() {}

  static VBox create(I18n i18n) {
    Label title = new Label();
    title.textProperty().bind(i18n.text("shortcut.title"));
    title.getStyleClass().add("title");
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(8);
    for (int row = 0; row < SHORTCUTS.length; row++) {
      Label key = new Label(SHORTCUTS[row][0]);
      key.setStyle("-fx-font-weight: bold;");
      Label what = new Label();
      what.textProperty().bind(i18n.text(SHORTCUTS[row][1]));
      grid.addRow(row, key, what);
    }
    VBox box = new VBox(12, title, grid);
    box.setId("shortcut-overlay");
    box.getStyleClass().add("shortcut-overlay");
    box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
    return box;
  }
}
