package concurrencylab.ui.tab;

import concurrencylab.ui.look.Palette;
import concurrencylab.ui.look.Theme;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.RunSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code panel as the back row sees it: at 1920×1080 each panel gets about half the width
 * (900 px) and 600 px of height; there it shows 25 lines of 80 columns at 100 % and 15 of 60 at
 * 200 %, wraps what does not fit (↪ in the gutter) and never scrolls sideways; tokens carry their
 * style classes; each lane at a line is a dot of its colour in the gutter.
 */
@ExtendWith(ApplicationExtension.class)
class CodeViewTest {
  private StackPane holder;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    holder = new StackPane();
    Scene scene = new Scene(holder, 900, 600);
    scene.getStylesheets().addAll(Theme.commonStylesheet(), Theme.LIGHT.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    T value = WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    return value;
  }

  /** A view of {@code code} filling a panel of the given size, laid out. */
  private CodeView shown(String code, CodeSyntax syntax, double width, double height, double scale) throws Exception {
    CodeView view = onFx(() -> {
      CodeView v = new CodeView(code, syntax);
      v.setScale(scale);
      v.setPrefSize(width, height);
      v.setMaxSize(width, height);
      holder.getChildren().setAll(v);
      return v;
    });
    // twice: the type follows the width, and the rows follow the type
    onFx(() -> { holder.layout(); view.applyCss(); view.layout(); return null; });
    onFx(() -> { view.layout(); return null; });
    return view;
  }

  /** {@code rows} lines of exactly {@code columns} characters, each different. */
  private static String block(int rows, int columns) {
    return IntStream.range(0, rows)
        .mapToObj(r -> ("x" + r + " = " + "abcdefghij".repeat(columns)).substring(0, columns))
        .collect(Collectors.joining("\n"));
  }

  private record Capacity(int rows, int columns, int shownWithoutWrap, int visibleParagraphs) {}

  /** What the area can show, from the metrics of its own font, and what it does show. */
  private Capacity capacity(CodeView view, int lines) throws Exception {
    return onFx(() -> {
      CodeArea area = view.area();
      Font font = view.font();
      Text glyphs = new Text("0".repeat(40));
      glyphs.setFont(font);
      double charWidth = glyphs.getLayoutBounds().getWidth() / 40;
      Text line = new Text("Xg");
      line.setFont(font);
      double lineHeight = line.getLayoutBounds().getHeight();
      Node gutter = area.getParagraphGraphic(0);
      double textWidth = area.getWidth() - gutter.prefWidth(-1) - area.getInsets().getLeft() - area.getInsets().getRight();
      int columns = (int) Math.floor(textWidth / charWidth);
      int rows = (int) Math.floor((area.getHeight() - area.getInsets().getTop() - area.getInsets().getBottom()) / lineHeight);
      int lastFull = area.lastVisibleParToAllParIndex();
      double areaBottom = area.localToScreen(area.getLayoutBounds()).getMaxY();
      if (area.getVisibleParagraphBoundsOnScreen(area.allParToVisibleParIndex(lastFull).orElseThrow()).getMaxY() > areaBottom + 0.5) {
        lastFull--; // the last one is cut
      }
      int unwrapped = 0;
      for (int i = 0; i <= lastFull && i < lines; i++) {
        if (area.getParagraphLinesCount(i) == 1) {
          unwrapped++;
        }
      }
      return new Capacity(rows, columns, unwrapped, lastFull + 1);
    });
  }

  @Test
  void atFullSizeAPanelShows25LinesOf80Columns() throws Exception {
    CodeView view = shown(block(40, 80), CodeSyntax.PYTHON, 900, 600, 1.0);
    Capacity c = capacity(view, 40);
    assertThat(c.columns()).as("columns").isGreaterThanOrEqualTo(80);
    assertThat(c.rows()).as("rows").isGreaterThanOrEqualTo(25);
    assertThat(c.visibleParagraphs()).as("lines fully in view").isGreaterThanOrEqualTo(25);
    assertThat(c.shownWithoutWrap()).as("of those, shown on one row each").isGreaterThanOrEqualTo(25);
    assertThat(horizontalBarsShown(view)).isZero();
  }

  @Test
  void atTwiceTheSizeAPanelShows15LinesOf60ColumnsInLargerType() throws Exception {
    double normal = shown(block(30, 60), CodeSyntax.PYTHON, 900, 600, 1.0).font().getSize();
    CodeView view = shown(block(30, 60), CodeSyntax.PYTHON, 900, 600, 2.0);
    assertThat(view.font().getSize()).as("the type grows").isGreaterThan(normal * 1.3);
    Capacity c = capacity(view, 30);
    assertThat(c.columns()).as("columns").isGreaterThanOrEqualTo(60);
    assertThat(c.rows()).as("rows").isGreaterThanOrEqualTo(15);
    assertThat(c.visibleParagraphs()).as("lines fully in view").isGreaterThanOrEqualTo(15);
    assertThat(c.shownWithoutWrap()).as("of those, shown on one row each").isGreaterThanOrEqualTo(15);
  }

  private static long horizontalBarsShown(Parent root) {
    List<Node> all = new ArrayList<>();
    collect(root, all);
    return all.stream()
        .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible())
        .count();
  }

  private static void collect(Node node, List<Node> into) {
    into.add(node);
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
    }
  }

  @Test
  void theLongestLessonCodeWrapsWithAMarkAndNeverScrollsSideways() throws Exception {
    List<String[]> codes = new ArrayList<>();
    for (Lesson lesson : LessonRegistry.createAll()) {
      for (String language : List.of("en", "zh-CN")) {
        codes.add(new String[] {lesson.id() + " Java " + language, lesson.javaExample(language)});
        codes.add(new String[] {lesson.id() + " Python " + language, lesson.pythonExample(RunSnapshot.of(lesson, language))});
      }
    }
    String[] longest = codes.stream()
        .max(java.util.Comparator.comparingInt(c -> c[1].lines().mapToInt(String::length).max().orElse(0)))
        .orElseThrow();
    for (double scale : List.of(1.0, 2.0, 2.5)) {
      for (double width : List.of(900.0, 450.0)) {
        CodeView view = shown(longest[1], longest[0].contains("Java") ? CodeSyntax.JAVA : CodeSyntax.PYTHON, width, 600, scale);
        assertThat(horizontalBarsShown(view)).as("%s at %s, %s px", longest[0], scale, width).isZero();
        double sideways = onFx(() -> {
          view.area().scrollXBy(200);
          view.layout();
          return view.area().getEstimatedScrollX();
        });
        assertThat(sideways).as("scrolled sideways").isZero();
        if (width == 450.0) {
          int wrapped = onFx(() -> {
            int count = 0;
            for (int i = 0; i < view.area().getParagraphs().size(); i++) {
              if (view.area().getParagraphLinesCount(i) > 1) {
                count++;
                // the continuation rows are marked in the gutter, one mark per row
                view.area().showParagraphAtTop(i);
                view.layout();
                CodeView.GutterCell cell = (CodeView.GutterCell) view.area().getParagraphGraphic(i);
                cell.layout();
                assertThat(cell.continuationRows()).as("line %d", i + 1).isEqualTo(view.area().getParagraphLinesCount(i) - 1);
              }
            }
            return count;
          });
          assertThat(wrapped).as("%s at %s in half a panel wraps", longest[0], scale).isPositive();
        }
      }
    }
  }

  private static List<String> styleAt(CodeArea area, String code, String token, int occurrence) {
    int at = -1;
    for (int i = 0; i <= occurrence; i++) {
      at = code.indexOf(token, at + 1);
    }
    List<String> styles = new ArrayList<>();
    for (int i = at; i < at + token.length(); i++) {
      Collection<String> s = area.getStyleOfChar(i);
      styles.add(s.isEmpty() ? "" : String.join(",", s));
    }
    return styles.stream().distinct().toList();
  }

  @Test
  void keywordsStringsCommentsAndNumbersCarryTheirStyleClasses() throws Exception {
    String python = "def add(n):  # if not, 42\n    return n + 42 if \"for\" else 'x'\n";
    CodeView py = shown(python, CodeSyntax.PYTHON, 900, 600, 1.0);
    CodeArea a = py.area();
    assertThat(onFx(() -> styleAt(a, python, "def", 0))).containsExactly(CodeSyntax.KEYWORD);
    assertThat(onFx(() -> styleAt(a, python, "# if not, 42", 0))).containsExactly(CodeSyntax.COMMENT);
    assertThat(onFx(() -> styleAt(a, python, "42", 1))).containsExactly(CodeSyntax.NUMBER);
    assertThat(onFx(() -> styleAt(a, python, "\"for\"", 0))).containsExactly(CodeSyntax.STRING);
    assertThat(onFx(() -> styleAt(a, python, "'x'", 0))).containsExactly(CodeSyntax.STRING);
    assertThat(onFx(() -> styleAt(a, python, "add", 0))).containsExactly("");
    String java = "// for a while\nint n = 7; String s = \"if\"; /* new */ return n;\n";
    CodeView j = shown(java, CodeSyntax.JAVA, 900, 600, 1.0);
    CodeArea b = j.area();
    assertThat(onFx(() -> styleAt(b, java, "// for a while", 0))).containsExactly(CodeSyntax.COMMENT);
    assertThat(onFx(() -> styleAt(b, java, "int", 0))).containsExactly(CodeSyntax.KEYWORD);
    assertThat(onFx(() -> styleAt(b, java, "7", 0))).containsExactly(CodeSyntax.NUMBER);
    assertThat(onFx(() -> styleAt(b, java, "\"if\"", 0))).containsExactly(CodeSyntax.STRING);
    assertThat(onFx(() -> styleAt(b, java, "/* new */", 0))).containsExactly(CodeSyntax.COMMENT);
    assertThat(onFx(() -> styleAt(b, java, "return", 0))).containsExactly(CodeSyntax.KEYWORD);
    // and the theme colours them: a keyword is not drawn in the plain text's colour
    Text keyword = onFx(() -> textNode(b, "int"));
    Text plain = onFx(() -> textNode(b, " n = "));
    assertThat(keyword.getFill()).isNotEqualTo(plain.getFill());
  }

  private static Text textNode(CodeArea area, String content) {
    List<Node> all = new ArrayList<>();
    collect(area, all);
    return all.stream().filter(n -> n instanceof Text t && t.getText().equals(content)).map(Text.class::cast).findFirst().orElseThrow();
  }

  @Test
  void eachLaneAtALineIsADotOfItsColourInTheGutterAndTheLineIsTinted() throws Exception {
    CodeView view = shown(block(12, 40), CodeSyntax.PYTHON, 900, 600, 1.0);
    onFx(() -> { view.setMarkers(Map.of(2, List.of(0, 3), 5, List.of(1))); view.layout(); return null; });
    assertThat(onFx(() -> dotsOf(view, 2))).containsExactly(Palette.lane(0), Palette.lane(3));
    assertThat(onFx(() -> dotsOf(view, 5))).containsExactly(Palette.lane(1));
    assertThat(onFx(() -> dotsOf(view, 3))).isEmpty();
    assertThat(onFx(() -> view.area().getParagraph(2).getParagraphStyle())).containsExactly(CodeView.MARKED_LINE);
    assertThat(onFx(() -> view.area().getParagraph(3).getParagraphStyle())).isEmpty();
    assertThat(onFx(() -> ((Text) numberOf(view, 2)).getText())).isEqualTo("3");
    // the lanes move on: the old line loses its dots and its tint
    onFx(() -> { view.setMarkers(Map.of(5, List.of(1, 2))); view.layout(); return null; });
    assertThat(onFx(() -> dotsOf(view, 2))).isEmpty();
    assertThat(onFx(() -> view.area().getParagraph(2).getParagraphStyle())).isEmpty();
    assertThat(onFx(() -> dotsOf(view, 5))).containsExactly(Palette.lane(1), Palette.lane(2));
    assertThat(onFx(view::markers)).isEqualTo(Map.of(5, List.of(1, 2)));
  }

  static List<javafx.scene.paint.Paint> dotsOf(CodeView view, int line) {
    Parent cell = (Parent) view.area().getParagraphGraphic(line);
    return cell.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof Circle && n.getStyleClass().contains(CodeView.LANE_DOT) && n.isVisible())
        .map(n -> ((Circle) n).getFill())
        .toList();
  }

  private static Node numberOf(CodeView view, int line) {
    Parent cell = (Parent) view.area().getParagraphGraphic(line);
    return cell.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains(CodeView.LINE_NUMBER)).findFirst().orElseThrow();
  }

  @Test
  void thePythonCommentsFollowTheLanguageAndTheMarksStay(FxRobot robot) throws Exception {
    Lesson fork = LessonRegistry.createAll().stream().filter(l -> l.id().equals("fork")).findFirst().orElseThrow();
    I18n i18n = new I18n(Locale.ENGLISH);
    CodePanel panel = onFx(() -> {
      CodePanel p = new CodePanel(fork, i18n, RunSnapshot.of(fork, "en"));
      holder.getChildren().setAll(p);
      return p;
    });
    String english = onFx(() -> panel.python().area().getText());
    assertThat(english).contains("# in the copy").doesNotContain("zh:").doesNotContainPattern("\\p{IsHan}");
    onFx(() -> { panel.python().setMarkers(Map.of(6, List.of(2))); return null; });
    onFx(() -> { i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE); return null; });
    String chinese = onFx(() -> panel.python().area().getText());
    assertThat(chinese).contains("if pid == 0:           # 在副本（子进程）里").doesNotContain("# in the copy", "zh:");
    assertThat(onFx(() -> panel.python().lines())).hasSameSizeAs(english.split("\n", -1)).contains("pid = os.fork()        # Windows 上没有 os.fork：AttributeError；");
    assertThat(onFx(() -> panel.python().markers())).isEqualTo(Map.of(6, List.of(2)));
    assertThat(onFx(() -> dotsOf(panel.python(), 6))).containsExactly(Palette.lane(2));
    onFx(() -> { i18n.localeProperty().set(Locale.ENGLISH); return null; });
    assertThat(onFx(() -> panel.python().area().getText())).isEqualTo(english);
  }

  @Test
  void aMarkOutOfViewIsScrolledIntoViewAndAMarkInViewStaysWhereItIs() throws Exception {
    CodeView view = shown(block(120, 40), CodeSyntax.PYTHON, 900, 600, 1);
    int[] before = onFx(() -> new int[] {view.area().firstVisibleParToAllParIndex(), view.area().lastVisibleParToAllParIndex()});
    assertThat(before[0]).isZero();
    assertThat(before[1]).as("the panel shows fewer lines than the code has").isLessThan(90);

    onFx(() -> { view.setMarkers(java.util.Map.of(90, List.of(0), 100, List.of(1))); view.layout(); return null; });
    int[] after = onFx(() -> new int[] {view.area().firstVisibleParToAllParIndex(), view.area().lastVisibleParToAllParIndex()});
    assertThat(90).as("the first marked line is in view: %s", java.util.Arrays.toString(after)).isBetween(after[0], after[1]);
    assertThat(after[0]).as("at least two lines of context above it (the end of the code may stop it earlier)").isLessThanOrEqualTo(88);

    onFx(() -> { view.setMarkers(java.util.Map.of(92, List.of(0))); view.layout(); return null; });
    int[] moved = onFx(() -> new int[] {view.area().firstVisibleParToAllParIndex(), view.area().lastVisibleParToAllParIndex()});
    assertThat(moved[0]).as("a mark still in view does not scroll the code").isEqualTo(after[0]);
  }
}
