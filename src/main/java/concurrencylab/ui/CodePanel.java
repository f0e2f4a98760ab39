package concurrencylab.ui;

import concurrencylab.lesson.Lesson;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The lesson's code side by side: the Python of the chapter's kind and the Java that really runs. */
public final class CodePanel extends SplitPane {
  public CodePanel(Lesson lesson, I18n i18n) {
    getStyleClass().add("code-panel");
    setOrientation(Orientation.HORIZONTAL);
    getItems().addAll(
        column(i18n, "code.python", lesson.pythonExample()),
        column(i18n, "code.java", lesson.javaExample()));
  }

  private static VBox column(I18n i18n, String captionKey, String code) {
    Label caption = new Label();
    caption.textProperty().bind(i18n.text(captionKey));
    caption.getStyleClass().add("code-caption");
    TextArea area = new TextArea(code);
    area.setEditable(false);
    area.getStyleClass().add("code");
    VBox.setVgrow(area, Priority.ALWAYS);
    VBox column = new VBox(caption, area);
    column.setMinWidth(0);
    return column;
  }
}
