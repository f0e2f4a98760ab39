package concurrencylab.ui.look;

import java.util.List;

/**
 * The controls the app never shows, with the style classes that are theirs alone: the build
 * leaves every selector naming one of these classes out of the base theme's stylesheet
 * ({@link StylesheetTrim}). AtlantaFX styles every JavaFX control and its own; a selector of a
 * control that is never made can never match, yet JavaFX loads it, partitions it and, for every
 * node it styles, weighs it against the node's classes (about 1,300 selectors, 580 of them for
 * these controls). A test fails when the app's classes use one of these controls, or a window
 * of the app shows a node with one of these classes: then the control goes out of this list.
 *
 * @param control the control's class, by name (some are not on the app's class path at all)
 * @param styleClasses its own style classes; one ending in {@code *} stands for every class
 *     beginning with what is before the star
 */
public record UnusedControls(String control, List<String> styleClasses) {
  public static final List<UnusedControls> ALL = List.of(
      new UnusedControls("javafx.scene.control.TableView", List.of("table-*")),
      new UnusedControls("javafx.scene.control.TreeView", List.of("tree-view", "tree-cell", "tree-disclosure-node")),
      new UnusedControls("javafx.scene.control.TreeTableView", List.of("tree-table-*")),
      new UnusedControls("javafx.scene.control.DatePicker", List.of("date-picker*", "date-cell")),
      new UnusedControls("javafx.scene.control.ColorPicker", List.of("color-picker*", "color-palette*", "custom-color-dialog")),
      new UnusedControls("javafx.scene.control.ComboBox", List.of("combo-box", "combo-box-popup")),
      new UnusedControls("javafx.scene.control.ComboBoxBase", List.of("combo-box-base")),
      new UnusedControls("javafx.scene.control.Pagination", List.of("pagination*")),
      new UnusedControls("javafx.scene.control.Accordion", List.of("accordion")),
      new UnusedControls("javafx.scene.control.TitledPane", List.of("titled-pane", "first-titled-pane")),
      new UnusedControls("javafx.scene.control.Spinner", List.of("spinner")),
      new UnusedControls("javafx.scene.control.Hyperlink", List.of("hyperlink")),
      new UnusedControls("javafx.scene.control.TextArea", List.of("text-area")),
      new UnusedControls("javafx.scene.control.PasswordField", List.of("password-field")),
      new UnusedControls("javafx.scene.control.ToolBar", List.of("tool-bar*")),
      new UnusedControls("javafx.scene.web.HTMLEditor", List.of("html-editor*")),
      new UnusedControls("javafx.scene.chart.Chart", List.of("chart*", "bar-chart", "stacked-bar-chart")),
      new UnusedControls("atlantafx.base.controls.ToggleSwitch", List.of("toggle-switch")),
      new UnusedControls("atlantafx.base.controls.Notification", List.of("notification")),
      new UnusedControls("atlantafx.base.controls.Message", List.of("message")),
      new UnusedControls("atlantafx.base.controls.Tile", List.of("tile")),
      new UnusedControls("atlantafx.base.controls.Card", List.of("card")),
      new UnusedControls("atlantafx.base.controls.ModalPane", List.of("modal-pane")),
      new UnusedControls("atlantafx.base.controls.Breadcrumbs", List.of("breadcrumbs")),
      new UnusedControls("atlantafx.base.controls.CustomTextField", List.of("custom-text-field")),
      new UnusedControls("atlantafx.base.controls.RingProgressIndicator", List.of("ring-progress-indicator")),
      new UnusedControls("atlantafx.base.controls.Calendar", List.of("calendar*")));

  /** Whether {@code styleClass} belongs to one of the unused controls. */
  public static boolean owns(String styleClass) {
    return ALL.stream().flatMap(unused -> unused.styleClasses().stream()).anyMatch(own -> own.endsWith("*")
        ? styleClass.startsWith(own.substring(0, own.length() - 1))
        : styleClass.equals(own));
  }
}
