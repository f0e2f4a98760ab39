package concurrencylab.ui;

import concurrencylab.lesson.Lesson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: the menu and one tab per lesson. One AnimationTimer drives every tab
 * once per frame; leaving a tab stops its run, so nothing keeps running out of sight.
 */
public final class LabWindow extends BorderPane {
  private final I18n i18n;
  private final TabPane tabs = new TabPane();
  private final List<LessonTab> lessonTabs = new ArrayList<>();
  private final AnimationTimer frames =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          lessonTabs.forEach(LessonTab::onFrame);
        }
      };

  public LabWindow(I18n i18n, List<Lesson> lessons) {
    this.i18n = i18n;
    getStyleClass().add("lab-window");
    for (Lesson lesson : lessons) {
      LessonTab tab = new LessonTab(lesson, i18n);
      lessonTabs.add(tab);
      tabs.getTabs().add(tab);
    }
    tabs.setId("lessons");
    tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (old instanceof LessonTab left) {
        left.stop();
      }
    });
    setTop(menuBar());
    setCenter(tabs);
    addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    frames.start();
  }

  /** F5 runs the shown lesson, Esc stops it, Ctrl+1…9 pick a tab. */
  private void shortcut(KeyEvent e) {
    if (e.getCode() == KeyCode.F5) {
      selected().run();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      selected().stop();
    } else if (e.isShortcutDown() && e.getCode().isDigitKey()) {
      int index = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
      if (index >= 0 && index < lessonTabs.size()) {
        select(lessonTabs.get(index));
      }
    } else {
      return;
    }
    e.consume();
  }

  private MenuBar menuBar() {
    Menu language = new Menu();
    language.textProperty().bind(i18n.text("menu.language"));
    language.setId("menu-language");
    ToggleGroup group = new ToggleGroup();
    for (Locale locale : I18n.LANGUAGES) {
      RadioMenuItem item = new RadioMenuItem(locale.getDisplayName(locale));
      item.setId("language-" + locale.toLanguageTag());
      item.setToggleGroup(group);
      item.setSelected(locale.equals(i18n.localeProperty().get()));
      item.setOnAction(e -> i18n.localeProperty().set(locale));
      language.getItems().add(item);
    }
    return new MenuBar(language);
  }

  public I18n i18n() {
    return i18n;
  }

  public List<LessonTab> lessonTabs() {
    return List.copyOf(lessonTabs);
  }

  public TabPane tabs() {
    return tabs;
  }

  public void select(LessonTab tab) {
    tabs.getSelectionModel().select(tab);
  }

  public LessonTab selected() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    return (LessonTab) tab;
  }

  /** Stops every run; called when the window closes. */
  public void stopAll() {
    lessonTabs.forEach(LessonTab::stop);
  }

  public void dispose() {
    stopAll();
    frames.stop();
  }
}
