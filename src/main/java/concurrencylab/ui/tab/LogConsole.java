package concurrencylab.ui.tab;

import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;

/**
 * The run's console: every line exactly as a process or thread printed it, in the order it
 * arrived, prefixed by its lane's name in its lane's colour. Stderr, failures, starts and exits
 * are shown as well, styled apart. Lines are appended in one batch per frame.
 */
public final class LogConsole extends ListView<LogConsole.Line> {
  /** At most this many lines are kept in the console; the trace keeps them all. */
  static final int MAX_LINES = 50_000;

  /**
   * One console line. {@code style} is a CSS class: plain, stderr, failure or meta. It keeps the
   * event and lane it was made from (null for the console's own notes), so the app's own words in
   * it can be said again in another language.
   */
  public record Line(long time, String lane, int colorIndex, String text, String style, Lane source, TraceEvent event) {
    Line(long time, String lane, int colorIndex, String text, String style) {
      this(time, lane, colorIndex, text, style, null, null);
    }
  }

  private final I18n i18n;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final List<Line> all = new ArrayList<>();
  private long shownUntil = -1;
  private boolean truncated;
  /** The longest lane name in the console (at most {@link #MAX_LANE_COLUMNS} characters): the lane chips are as wide as it needs. */
  private String widestName = "0".repeat(MIN_LANE_COLUMNS);
  private static final int MIN_LANE_COLUMNS = 6;
  private static final int MAX_LANE_COLUMNS = 16;
  /** The chips take at most two fifths of the console's width; a longer name is cut at its start. */
  private static final double MAX_CHIP_SHARE = 0.4;
  /** The type at 100 %: the window's 16 px, a little smaller as monospaced type looks larger. */
  private static final double BASE_TYPE = 15;
  static final int MIN_COLUMNS = 40;
  /** As the stylesheet says. */
  static final String FAMILY = "Monospaced";
  /** The lines' text and chips, and the list's scroll bar and cell padding. */
  private static final double SCROLL_BAR_ROOM = 24;
  private double scale = 1;

  public LogConsole(I18n i18n) {
    this.i18n = i18n;
    setItems(lines);
    getStyleClass().add("log-console");
    setCellFactory(list -> new LineCell());
    setFocusTraversable(false);
    i18n.localeProperty().addListener(o -> sayAgain());
    widthProperty().addListener(o -> fitType()); // so do the type and the chips' width
  }

  /**
   * The console's type grows with the presentation scale as the window's does, but not so far that
   * fewer than {@link #MIN_COLUMNS} characters fit in a line: beside the code at 250 % it held a
   * dozen, and every line broke after a word or two.
   */
  public void setScale(double scale) {
    this.scale = scale;
    fitType();
  }

  private void fitType() {
    double full = BASE_TYPE * scale;
    double room = getWidth() - snappedLeftInset() - snappedRightInset() - SCROLL_BAR_ROOM;
    double size = full;
    if (room > 0) {
      double perCharacter = CanvasText.width("0".repeat(10), Font.font(FAMILY, 100)) / 1000;
      size = Math.max(Math.min(full, BASE_TYPE), Math.min(full, room / (MIN_COLUMNS * perCharacter)));
    }
    String style = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", size);
    if (!style.equals(getStyle())) {
      setStyle(style);
    }
    refresh();
  }

  /** The lines once more in the language chosen now: what programs printed stays as it was. */
  private void sayAgain() {
    all.replaceAll(line -> line.event() != null
        ? toLine(line.source(), line.event())
        : new Line(line.time(), line.lane(), line.colorIndex(), i18n.get("log.truncated", MAX_LINES), line.style()));
    if (shownUntil < 0) {
      lines.setAll(all);
    } else {
      showUntil(shownUntil);
    }
  }

  public void clear() {
    lines.clear();
    all.clear();
    shownUntil = -1;
    truncated = false;
    widestName = "0".repeat(MIN_LANE_COLUMNS);
  }

  /** Shows only the lines printed up to {@code time}, in the order they arrived (replay). */
  public void showUntil(long time) {
    shownUntil = time;
    lines.setAll(all.stream().filter(line -> line.time() <= time).toList());
    if (!lines.isEmpty()) {
      scrollTo(lines.size() - 1);
    }
  }

  /** Shows every line again after a replay. */
  public void showAll() {
    shownUntil = -1;
    lines.setAll(all);
  }

  /** Appends what a frame drained from the trace. */
  public void append(Trace trace, List<TraceEvent> batch) {
    List<Line> added = new ArrayList<>();
    for (TraceEvent event : batch) {
      Line line = toLine(trace.lane(event.lane()), event);
      if (line != null) {
        added.add(line);
      }
    }
    if (added.isEmpty()) {
      return;
    }
    int overflow = all.size() + added.size() - MAX_LINES;
    boolean dropped = overflow > 0;
    if (dropped) {
      if (!truncated) {
        truncated = true;
        added.add(new Line(added.get(added.size() - 1).time(), "", 0, i18n.get("log.truncated", MAX_LINES), "meta"));
      }
      if (overflow >= all.size()) {
        all.clear();
        added = added.subList(Math.max(0, added.size() - MAX_LINES), added.size());
      } else {
        all.subList(0, overflow).clear();
      }
    }
    all.addAll(added);
    String widest = added.stream().map(Line::lane).max(java.util.Comparator.comparingInt(String::length)).orElse("");
    if (widest.length() > widestName.length() && widestName.length() < MAX_LANE_COLUMNS) {
      widestName = widest.substring(0, Math.min(MAX_LANE_COLUMNS, widest.length()));
      refresh();
    }
    if (shownUntil < 0) {
      if (dropped) {
        lines.setAll(all);
      } else {
        lines.addAll(added);
      }
      scrollTo(lines.size() - 1);
    }
  }

  private Line toLine(Lane lane, TraceEvent event) {
    String text = switch (event.kind()) {
      case PRINT, STDERR -> event.text();
      case TASK_FAILED -> taskFailure(event);
      case END -> event.value() == 0 ? null : i18n.get("log.ended", TraceTexts.text(event.text(), i18n));
      case MARKER -> "⚑ " + TraceTexts.text(event.text(), i18n);
      case START -> TraceTexts.start(lane, i18n);
      default -> null;
    };
    String style = switch (event.kind()) {
      case PRINT -> "plain";
      case STDERR -> "stderr";
      case TASK_FAILED, END -> "failure";
      default -> "meta";
    };
    return text == null ? null : new Line(event.time(), TraceTexts.text(lane.name(), i18n), lane.colorIndex(), text, style, lane, event);
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  private final class LineCell extends ListCell<Line> {
    /**
     * One row, whatever the name: a chip that wrapped made its line taller than the list had
     * measured it, and it covered the next one. A name wider than the chip keeps its end ("…Worker-1"),
     * where lanes' names differ.
     */
    private final Label lane = new Label();
    private String colours = "";

    LineCell() {
      lane.getStyleClass().add("log-lane");
      lane.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
      lane.setEllipsisString("…");
      // the chip's type is the theme's, known once its stylesheet reached it: sized again then
      lane.fontProperty().addListener(o -> sizeChip());
      // a long line wraps within the console's width instead of being cut
      setWrapText(true);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(Line line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().removeAll("plain", "stderr", "failure", "meta");
      if (empty || line == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      lane.setText(line.lane());
      if (line.lane().isEmpty()) {
        colours = "";
      } else {
        javafx.scene.paint.Color ground = line.source() == null ? Palette.lane(line.colorIndex()) : Palette.of(line.source());
        colours = " -fx-background-color: " + Palette.css(ground) + "; -fx-text-fill: " + Palette.css(Palette.textOn(ground)) + ";";
      }
      sizeChip();
      setGraphic(lane);
      setText(line.text());
      getStyleClass().add(line.style());
    }

    /** As wide as the widest name in the chip's type, and its padding; at most a third of the console. */
    private void sizeChip() {
      Font font = lane.getFont();
      double em = font.getSize();
      double chip = CanvasText.width(widestName, font) + 1.2 * em;
      if (getListView() != null && getListView().getWidth() > 0) {
        chip = Math.min(chip, Math.max(6 * em, getListView().getWidth() * MAX_CHIP_SHARE));
      }
      String width = String.format(java.util.Locale.ROOT, "%.1fpx", chip);
      lane.setStyle("-fx-min-width: " + width + "; -fx-pref-width: " + width + "; -fx-max-width: " + width + ";" + colours);
    }
  }

  /** A task without a result: it raised (its own words), or the app says why it has none. */
  private String taskFailure(TraceEvent event) {
    AppText.Keyed why = AppText.parse(event.text());
    return why == null
        ? i18n.get("log.taskFailed", event.value(), event.text())
        : i18n.get("log." + why.key(), event.value());
  }
}
