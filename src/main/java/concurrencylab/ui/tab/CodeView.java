package concurrencylab.ui.tab;

import concurrencylab.ui.look.Palette;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * Highlighted code that wraps instead of scrolling sideways (read-only, except in {@link #editor}), with a gutter where each
 * lane that is at a line gets a dot in its colour, and the line itself a tint: "which thread is
 * where" at a glance. A wrapped line shows ↪ in the gutter on each of its continuation rows, so a
 * student copying it does not take the rest for a line of its own.
 *
 * <p>Type grows with the presentation scale, but never so far that fewer than {@link #minColumns}
 * columns (80 at 100 % down to {@link #MIN_COLUMNS} at 200 %) or {@link #MIN_ROWS} rows fit: past that, code read from the back of the room wraps every
 * other line, which is worse than smaller type. At scale 1 it is {@link #BASE_SIZE} whatever the size.
 *
 * <p>A view made while no window of the app is on screen (the window's first tab, as the app
 * starts) shows its code from the window's second frame on: its area, RichTextFX's and the
 * costliest part of the first frame (a node per line and per highlighted word, each styled and
 * laid out), is made just after the first frame ({@link AfterFirstFrame}). Until then the view
 * holds the code and the lanes' marks, and asking for the area makes it at once; its type is fitted
 * with it.
 */
public final class CodeView extends StackPane {
  static final double BASE_SIZE = 14;
  static final int MIN_COLUMNS = 60;
  static final int MIN_ROWS = 15;
  /** Rows kept when the code shares the window with the timeline ({@link #setCompact}). */
  static final int COMPACT_MIN_ROWS = 8;
  static final String MARKED_LINE = "code-line-marked";
  static final String LANE_DOT = "code-lane-dot";
  static final String LINE_NUMBER = "code-line-number";
  static final String CONTINUATION = "code-continuation";
  static final String CONTINUATION_MARK = "↪";
  /** The room the area keeps beside the text: its vertical scrollbar and the text's padding. */
  private static final double AREA_EXTRA_WIDTH = 24;

  private final CodeSyntax syntax;
  private final boolean editable;
  /** Made when first needed, at once or after the window's first frame; null until then. */
  private CodeArea area;
  private String code;
  private List<String> lines;
  private double scale = 1;
  private int rowsKept = MIN_ROWS;
  private Font font;
  private String fontStyle;
  private double charWidth;
  private double lineHeight;
  private Map<Integer, List<Integer>> markers = Map.of();

  CodeView(String code, CodeSyntax syntax) {
    this(code, syntax, false, !AfterFirstFrame.windowOnScreen());
  }

  /**
   * Python the lecturer may edit ("Your script"): highlighted as it is typed; an edit clears the
   * lanes' marks, which named lines of the code before it.
   */
  public static CodeView editor(String code) {
    return new CodeView(code, CodeSyntax.PYTHON, true, !AfterFirstFrame.windowOnScreen());
  }

  /** Read-only Python: the code a recorded run ran. */
  public static CodeView python(String code) {
    return new CodeView(code, CodeSyntax.PYTHON, false, !AfterFirstFrame.windowOnScreen());
  }

  /** {@code areaAfterFirstFrame}: the area is made once the scene the view joins has drawn its first frame. */
  CodeView(String code, CodeSyntax syntax, boolean editable, boolean areaAfterFirstFrame) {
    this.syntax = syntax;
    this.editable = editable;
    getStyleClass().add("code-view");
    setMinSize(0, 0);
    widthProperty().addListener(o -> applyFont());
    heightProperty().addListener(o -> applyFont());
    this.code = code;
    lines = List.of(code.split("\n", -1));
    applyFont();
    AfterFirstFrame.run(this, () -> area(), areaAfterFirstFrame);
  }

  /** The area, made with the code, font and marks the view holds now. */
  private CodeArea make() {
    fontFitted();
    area = new CodeArea();
    area.setEditable(false);
    area.setWrapText(true);
    getChildren().add(new VirtualizedScrollPane<>(area, ScrollBarPolicy.NEVER, ScrollBarPolicy.AS_NEEDED));
    area.setStyle(fontStyle);
    area.setParagraphGraphicFactory(GutterCell::new);
    show(code);
    for (int line : markers.keySet()) {
      if (line >= 0 && line < area.getParagraphs().size()) {
        area.setParagraphStyle(line, List.of(MARKED_LINE));
      }
    }
    if (editable) {
      area.setEditable(true);
      area.getStyleClass().add("code-editor");
      area.getUndoManager().forgetHistory();
      area.textProperty().addListener((obs, old, now) -> edited(now));
    }
    return area;
  }

  private void show(String code) {
    this.code = code;
    lines = List.of(code.split("\n", -1));
    if (area == null) {
      return;
    }
    area.replaceText(code);
    area.setStyleSpans(0, syntax.highlight(code));
    area.moveTo(0);
    area.requestFollowCaret();
  }

  private void edited(String code) {
    lines = List.of(code.split("\n", -1));
    if (!markers.isEmpty()) {
      setMarkers(Map.of());
    }
    if (!code.isEmpty()) {
      area.setStyleSpans(0, syntax.highlight(code));
    }
  }

  /** The code as it is now (in an editor: as typed). */
  public String text() {
    return area == null ? code : area.getText();
  }

  public javafx.beans.value.ObservableValue<String> textProperty() {
    return area().textProperty();
  }

  /** Puts the caret at the start of a line (0-based) and scrolls it into view. */
  public void showLine(int line) {
    if (line >= 0 && line < area().getParagraphs().size()) {
      area.moveTo(line, 0);
      area.requestFollowCaret();
    }
  }

  /** Shows other code; markers are cleared, as they named lines of the old one. */
  public void setCode(String code) {
    markers = Map.of();
    show(code);
  }

  public void setScale(double scale) {
    this.scale = scale;
    applyFont();
  }

  /**
   * Beside a timeline at large type the code keeps {@link #COMPACT_MIN_ROWS} rows, not {@link
   * #MIN_ROWS}, so that its type can grow too (the lanes' current lines are scrolled into view).
   */
  public void setCompact(boolean compact) {
    rowsKept = compact ? COMPACT_MIN_ROWS : MIN_ROWS;
    applyFont();
  }

  /**
   * Fits the type to the scale and size now. While there is no area it is only forgotten, and fitted
   * when the area is made or the font is asked for: loading and measuring the code face (a CJK face
   * where one is installed) took some 50 ms of the app's first frame, for text that frame does not
   * show.
   */
  private void applyFont() {
    if (area == null) {
      font = null;
      return;
    }
    fitFont();
  }

  private void fitFont() {
    String family = CodeFonts.codeFamily();
    Font unit = Font.font(family, 100);
    double charRatio = textWidth("0".repeat(20), unit) / 20 / 100;
    double lineRatio = textHeight(unit) / 100;
    double size = BASE_SIZE * scale;
    if (scale > 1 && getWidth() > 0 && getHeight() > 0) {
      // the gutter grows with the type too: it is counted in the same units as a column
      double perSize = charRatio * (minColumns() + gutterColumns()) + lineRatio * dotsWidthInLines();
      double fitWidth = (getWidth() - AREA_EXTRA_WIDTH) / perSize;
      double fitHeight = getHeight() / (lineRatio * rowsKept + 0.01);
      size = Math.max(BASE_SIZE, Math.min(size, Math.min(fitWidth, fitHeight)));
    }
    size = Math.floor(size * 2) / 2;
    if (font != null && font.getSize() == size && font.getFamily().equals(unit.getFamily())) {
      return;
    }
    font = Font.font(family, size);
    fontStyle = "-fx-font-family: \"" + family + "\"; -fx-font-size: " + size + "px;";
    charWidth = textWidth("0".repeat(20), font) / 20;
    lineHeight = textHeight(font);
    if (area != null) {
      area.setStyle(fontStyle);
      area.setParagraphGraphicFactory(null);
      area.setParagraphGraphicFactory(GutterCell::new);
    }
  }



  private static double textWidth(String text, Font font) {
    Text t = new Text(text);
    t.setFont(font);
    return t.getLayoutBounds().getWidth();
  }

  /**
   * The height of a row as the area lays it out: a TextFlow's row, which for the CJK faces is
   * taller than a lone Text's bounds (the flow adds the font's leading).
   */
  private static double textHeight(Font font) {
    Text t = new Text("Xg");
    t.setFont(font);
    TextFlow flow = new TextFlow(t);
    return flow.prefHeight(-1);
  }

  /**
   * The columns the type must leave room for at this scale: 80 at 100 %, 70 at 150 %, {@link
   * #MIN_COLUMNS} from 200 % on. Without it a wider face (DejaVu Sans Mono's digits are 0.6 em) gave
   * 68 columns at 150 % where the Noto CJK face gives 84.
   */
  private int minColumns() {
    return Math.max(MIN_COLUMNS, (int) Math.round(80 - 20 * (scale - 1)));
  }

  /** Digits of the last line number, and a gap. */
  private double gutterColumns() {
    return Math.max(2, String.valueOf(lines == null ? 99 : lines.size()).length()) + 1;
  }

  /** Room for about three overlapping dots, in line heights. */
  private static double dotsWidthInLines() {
    return 1.4;
  }

  /** Line index (0-based) → colour indices of the lanes at that line. */
  public void setMarkers(Map<Integer, List<Integer>> newMarkers) {
    if (newMarkers.equals(markers)) {
      return;
    }
    Set<Integer> changed = new HashSet<>(markers.keySet());
    changed.addAll(newMarkers.keySet());
    Map<Integer, List<Integer>> old = markers;
    markers = Map.copyOf(newMarkers);
    if (area == null) {
      return; // the area is made with them
    }
    for (int line : changed) {
      if (line < 0 || line >= area.getParagraphs().size()) {
        continue;
      }
      if (old.containsKey(line) != markers.containsKey(line)) {
        area.setParagraphStyle(line, markers.containsKey(line) ? List.of(MARKED_LINE) : List.of());
      }
      area.recreateParagraphGraphic(line);
    }
    showAMarkedLine();
  }

  /**
   * When no lane's line is in view (the code is longer than the panel, or was scrolled away), the
   * first marked line is scrolled near the top, with two lines of context above it. Lines in view
   * are left where they are, so a lecturer's own scrolling is kept while it shows a mark.
   */
  private void showAMarkedLine() {
    int paragraphs = area.getParagraphs().size();
    int first = markers.keySet().stream().filter(line -> line >= 0 && line < paragraphs).min(Integer::compare).orElse(-1);
    if (first < 0 || area.getHeight() <= 0 || area.getVisibleParagraphs().isEmpty()) {
      return;
    }
    int top = area.firstVisibleParToAllParIndex();
    int bottom = area.lastVisibleParToAllParIndex();
    boolean inView = markers.keySet().stream().anyMatch(line -> line >= top && line <= bottom);
    if (!inView) {
      area.showParagraphAtTop(Math.max(0, first - 2));
    }
  }

  public Map<Integer, List<Integer>> markers() {
    return markers;
  }

  public List<String> lines() {
    return lines;
  }

  /** Draws the dots again, in the colours of the theme now in use. */
  public void paint() {
    if (area == null) {
      return; // made in the colours of the theme in use then
    }
    for (int line : markers.keySet()) {
      if (line < area.getParagraphs().size()) {
        area.recreateParagraphGraphic(line);
      }
    }
  }

  /** The area, made now if it was not yet. */
  public CodeArea area() {
    return area != null ? area : make();
  }

  /** Whole rows of code that fit in the view as it is laid out now. */
  public int rowsShown() {
    fontFitted();
    return lineHeight <= 0 ? 0 : (int) Math.floor(getHeight() / lineHeight);
  }

  /** Whole columns of code that fit beside the gutter before a line wraps. */
  public int columnsShown() {
    fontFitted();
    double gutter = lineHeight * dotsWidthInLines() + charWidth * gutterColumns();
    return charWidth <= 0 ? 0 : (int) Math.floor((getWidth() - AREA_EXTRA_WIDTH - gutter) / charWidth);
  }

  public Font font() {
    fontFitted();
    return font;
  }

  private void fontFitted() {
    if (font == null) {
      fitFont();
    }
  }

  /** The gutter of one line: the lanes' dots, the line number, and ↪ on every row the line wraps to. */
  final class GutterCell extends Region {
    private final int line;
    private final Text number;
    private final List<Circle> dots = new ArrayList<>();
    private final List<Text> continuations = new ArrayList<>();
    private final double dotsWidth = lineHeight * dotsWidthInLines();
    private final double numberWidth = charWidth * (gutterColumns() - 1);

    GutterCell(int line) {
      this.line = line;
      getStyleClass().add("code-gutter");
      number = text(String.valueOf(line + 1), LINE_NUMBER);
      getChildren().add(number);
      for (int colour : markers.getOrDefault(line, List.of())) {
        Circle dot = new Circle(lineHeight * 0.27, Palette.lane(colour));
        dot.getStyleClass().add(LANE_DOT);
        dot.setUserData(colour);
        dots.add(dot);
      }
      getChildren().addAll(dots);
    }

    private Text text(String content, String styleClass) {
      Text text = new Text(content);
      text.setFont(font);
      text.getStyleClass().add(styleClass);
      return text;
    }

    int line() {
      return line;
    }

    List<Integer> dotColours() {
      return dots.stream().map(d -> (Integer) d.getUserData()).toList();
    }

    int continuationRows() {
      return (int) continuations.stream().filter(Node::isVisible).count();
    }

    @Override
    protected double computePrefWidth(double height) {
      return dotsWidth + numberWidth + charWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
      return lineHeight;
    }

    /** The rows the line takes as wrapped now; asked of the area, as the flow's rows are not all as tall as one Text. */
    private int rows() {
      try {
        return Math.max(1, area.getParagraphLinesCount(line));
      } catch (RuntimeException notShown) {
        return Math.max(1, (int) Math.round(getHeight() / lineHeight));
      }
    }

    @Override
    protected void layoutChildren() {
      double diameter = lineHeight * 0.54;
      double step = dots.size() < 2 ? 0 : Math.min(lineHeight * 0.45, (dotsWidth - diameter - 2) / (dots.size() - 1));
      for (int i = 0; i < dots.size(); i++) {
        dots.get(i).relocate(2 + i * step, (lineHeight - diameter) / 2);
      }
      number.relocate(dotsWidth + numberWidth - number.getLayoutBounds().getWidth(), 0);
      int rows = rows();
      double rowHeight = getHeight() / rows;
      while (continuations.size() < rows - 1) {
        Text mark = text(CONTINUATION_MARK, CONTINUATION);
        continuations.add(mark);
        getChildren().add(mark);
      }
      for (int i = 0; i < continuations.size(); i++) {
        Text mark = continuations.get(i);
        mark.setVisible(i < rows - 1);
        mark.relocate(dotsWidth + numberWidth - mark.getLayoutBounds().getWidth(), (i + 1) * rowHeight);
      }
    }
  }
}
