package concurrencylab.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Readable from the back of the room, computed from the stylesheets: every text we draw or style
 * meets WCAG AA against what it is drawn on (4.5:1), large text and disabled controls 3:1, and
 * lanes stand out from the background as graphics must (3:1) in high contrast — in every theme.
 * The colours are the ones the theme's stylesheets give (canvas colours through {@link Palette},
 * controls as the CSS engine styles them in a window), never copies of them.
 */
@ExtendWith(ApplicationExtension.class)
class ContrastTest {
  private static final double TEXT = 4.5;
  private static final double LARGE_OR_DISABLED = 3.0;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void backToLight() {
    Palette.use(Theme.LIGHT);
  }

  @Test
  void whatTheCanvasesDrawMeetsAaInEveryTheme() {
    SoftAssertions softly = new SoftAssertions();
    for (Theme theme : Theme.values()) {
      Palette.use(theme);
      for (Color ground : List.of(Palette.background(), Palette.stripe())) { // lanes alternate the two
        String on = ground.equals(Palette.background()) ? "the background" : "a striped lane";
        check(softly, theme, "text on " + on, Palette.text(), ground, TEXT);
        check(softly, theme, "muted text on " + on, Palette.mutedText(), ground, TEXT);
        check(softly, theme, "failure text on " + on, Palette.failure(), ground, TEXT);
        check(softly, theme, "a task's name on the queue's bar on " + on,
            Palette.text(), Palette.over(Palette.mutedText(), 0.35, ground), TEXT);
        check(softly, theme, "a hand-over arrow on " + on, Palette.link(), ground, LARGE_OR_DISABLED);
      }
      check(softly, theme, "a tooltip", Palette.tooltipText(), Palette.tooltipBackground(), TEXT);
      check(softly, theme, "the lock stage's counter (large)", Palette.text(), Palette.background(), LARGE_OR_DISABLED);
      check(softly, theme, "a queue lane's name chip", Palette.textOn(Palette.mutedText()), Palette.mutedText(), TEXT);
      for (int lane = 0; lane < Palette.LANE_COLORS; lane++) {
        Color color = Palette.lane(lane);
        // lane chips in the console and on the lock stage: the name on the lane's colour; once the
        // lane has finished, its name in the text colour on the background (checked above)
        check(softly, theme, "a name chip on lane colour " + (lane + 1), Palette.onLane(lane), color, TEXT);
        if (theme == Theme.HIGH_CONTRAST) { // there even the bars themselves stand out as graphics must
          check(softly, theme, "lane colour " + (lane + 1) + " on the background", color, Palette.background(), LARGE_OR_DISABLED);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void theCodePanelsColoursMeetAaOnTheirGroundAndOnAMarkedLine() {
    SoftAssertions softly = new SoftAssertions();
    List<String> inks = List.of("-lab-text", "-lab-muted", "-lab-code-keyword", "-lab-code-string", "-lab-code-comment",
        "-lab-code-number", "-lab-code-continuation");
    for (Theme theme : Theme.values()) {
      List<String> names = new ArrayList<>(inks);
      names.addAll(List.of("-lab-background", "-lab-code-marked"));
      var colors = LookedUpColors.read(theme, names);
      for (String ground : List.of("-lab-background", "-lab-code-marked")) {
        for (String ink : inks) {
          check(softly, theme, "code " + ink + " on " + ground, colors.get(ink), colors.get(ground),
              theme == Theme.HIGH_CONTRAST ? 7.0 : TEXT);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void theConsolesLinesMeetAaAsTheStylesheetsStyleThem() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    List<String> styles = List.of("plain", "stderr", "failure", "meta");
    for (Theme theme : Theme.values()) {
      ListView<String> console = new ListView<>(FXCollections.observableArrayList(styles));
      console.getStyleClass().add("log-console");
      console.setCellFactory(list -> new ListCell<>() { // as LogConsole's cells: the line's kind as a style class
        @Override
        protected void updateItem(String style, boolean empty) {
          super.updateItem(style, empty);
          getStyleClass().removeAll(styles);
          setText(empty ? null : style + " line");
          if (!empty) {
            getStyleClass().add(style);
          }
        }
      });
      List<String[]> seen = onFx(() -> {
        show(theme, new VBox(console));
        console.getSelectionModel().select(0);
        console.applyCss();
        console.layout();
        List<String[]> found = new ArrayList<>();
        for (Node node : console.lookupAll(".list-cell")) {
          ListCell<?> cell = (ListCell<?>) node;
          if (cell.getItem() != null) {
            found.add(new String[] {cell.getItem() + (cell.isSelected() ? " (selected)" : ""), Palette.css((Color) cell.getTextFill()),
                Palette.css(groundOf(cell, Color.TRANSPARENT))});
          }
        }
        return found;
      });
      assertThat(seen).as("%s: the console's cells", theme).hasSizeGreaterThanOrEqualTo(styles.size());
      for (String[] cell : seen) {
        check(softly, theme, "console line " + cell[0], Color.web(cell[1]), Color.web(cell[2]), TEXT);
      }
    }
    softly.assertAll();
  }

  @Test
  void controlsTextMeetsAaAndDisabledControlsStayReadable() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (Theme theme : Theme.values()) {
      List<Reading> readings = onFx(() -> {
        VBox enabled = new VBox(controls().toArray(Node[]::new));
        VBox disabled = new VBox(controls().toArray(Node[]::new));
        disabled.setDisable(true); // as the app does: the side panel while a run runs, the replay bar before one
        Label title = new Label("title");
        title.getStyleClass().add("lesson-title");
        VBox header = new VBox(title);
        header.getStyleClass().add("lesson-header");
        VBox root = new VBox(header, enabled, disabled);
        root.getStyleClass().add("lab-window");
        show(theme, root);
        List<Reading> found = new ArrayList<>();
        found.add(reading("the lesson's title (large)", title, LARGE_OR_DISABLED));
        for (VBox box : List.of(enabled, disabled)) {
          for (Node control : box.getChildren()) {
            String what = (box == disabled ? "disabled " : "") + describe(control);
            found.add(reading(what, control, box == disabled ? LARGE_OR_DISABLED : TEXT));
          }
        }
        return found;
      });
      assertThat(readings).as("%s: controls read", theme).hasSize(1 + 2 * controls().size());
      for (Reading r : readings) {
        check(softly, theme, r.what, r.ink, r.ground, r.required);
      }
    }
    softly.assertAll();
  }

  @Test
  void everyThemeDefinesEveryColourItsCanvasesAndStylesheetsUse() {
    for (Theme theme : Theme.values()) {
      Palette.use(theme);
      assertThat(Palette.background()).as("%s background", theme).isNotNull();
    }
    assertThat(LookedUpColors.read(Theme.DARK, List.of("-lab-lane-1")).get("-lab-lane-1"))
        .as("high contrast takes the dark theme's lanes, not a copy of them")
        .isEqualTo(LookedUpColors.read(Theme.HIGH_CONTRAST, List.of("-lab-lane-1")).get("-lab-lane-1"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LookedUpColors.read(Theme.LIGHT, List.of("-lab-no-such-colour")))
        .hasMessageContaining("-lab-no-such-colour");
  }

  @Test
  void theContrastRatioIsWcags() {
    assertThat(Palette.contrast(Color.BLACK, Color.WHITE)).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Palette.contrast(Color.web("#777777"), Color.WHITE)).isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
  }

  private record Reading(String what, Color ink, Color ground, double required) {}

  /** The controls whose text the app shows, each as the app makes it. */
  private static List<Control> controls() {
    Button plain = new Button("Stop");
    Button run = new Button("Run");
    run.getStyleClass().addAll("run-button", "accent");
    ToggleButton toggle = new ToggleButton("Pause");
    ToggleButton chosen = new ToggleButton("Java");
    chosen.setSelected(true);
    Label caption = new Label("caption");
    Label value = new Label("4");
    value.getStyleClass().add("param-value");
    Label note = new Label("note");
    note.getStyleClass().add("pause-note");
    TextField seed = new TextField("42");
    ChoiceBox<String> speed = new ChoiceBox<>(FXCollections.observableArrayList("1×"));
    speed.setValue("1×");
    return List.of(plain, run, toggle, chosen, caption, value, note, seed, speed);
  }

  private static String describe(Node control) {
    String classes = String.join(".", control.getStyleClass());
    return control.getClass().getSimpleName() + "." + classes + (control instanceof ToggleButton t && t.isSelected() ? " (selected)" : "");
  }

  /**
   * The text and its ground as they reach the screen: the control's own text fill and background
   * over what is behind it, faded by its opacity and its parents' (a disabled control fades).
   */
  private static Reading reading(String what, Node control, double required) {
    Color ink;
    if (control instanceof Labeled labeled) {
      ink = (Color) labeled.getTextFill();
    } else if (control instanceof TextField field) {
      ink = (Color) ((Text) field.lookup(".text")).getFill();
    } else {
      ink = (Color) ((Label) control.lookup(".label")).getTextFill();
    }
    Parent parent = control.getParent();
    Color behind = groundOf(parent, Color.TRANSPARENT);
    Color ground = ownGround(control, behind);
    double opacity = 1;
    for (Node n = control; n != null; n = n.getParent()) {
      opacity *= n.getOpacity();
    }
    Color inkSeen = Palette.over(Palette.over(ink, ink.getOpacity(), ground), opacity, behind);
    Color groundSeen = Palette.over(ground, opacity, behind);
    return new Reading(what + " (opacity " + Math.round(opacity * 100) + " %)", inkSeen, groundSeen, required);
  }

  /** What a node is drawn on: its own background over its parents'. */
  private static Color groundOf(Node node, Color fallback) {
    if (node == null) {
      return fallback.getOpacity() == 0 ? Color.WHITE : fallback;
    }
    Color behind = groundOf(node.getParent(), fallback);
    return ownGround(node, behind);
  }

  private static Color ownGround(Node node, Color behind) {
    Color ground = behind;
    if (node instanceof Region region) {
      Background background = region.getBackground();
      if (background != null) {
        for (BackgroundFill fill : background.getFills()) { // later fills paint over earlier ones (borders first)
          if (fill.getFill() instanceof Color c && c.getOpacity() > 0) {
            ground = Palette.over(Color.color(c.getRed(), c.getGreen(), c.getBlue()), c.getOpacity(), ground);
          }
        }
      }
    }
    return ground;
  }

  /** Shows {@code root} in a scene styled as the window is in {@code theme}; on the FX thread. */
  private void show(Theme theme, Parent root) {
    Scene scene = new Scene(root, 600, 800);
    scene.setUserAgentStylesheet(theme.userAgentStylesheet());
    scene.getStylesheets().setAll(Theme.commonStylesheet(), theme.stylesheet());
    stage.setScene(scene);
    stage.show();
    root.applyCss();
    root.layout();
  }

  private static void check(SoftAssertions softly, Theme theme, String what, Color ink, Color ground, double required) {
    softly.assertThat(Palette.contrast(ink, ground))
        .as("%s: %s (%s on %s)", theme, what, Palette.css(ink), Palette.css(ground))
        .isGreaterThanOrEqualTo(required);
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
  }
}
