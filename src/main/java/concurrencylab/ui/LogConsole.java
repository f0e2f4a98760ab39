package concurrencylab.ui;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The run's console: every line exactly as a process or thread printed it, in the order it
 * arrived, prefixed by its lane's name in its lane's colour. Stderr, failures, starts and exits
 * are shown as well, styled apart. Lines are appended in one batch per frame.
 */
public final class LogConsole extends ListView<LogConsole.Line> {
  /** At most this many lines are kept in the console; the trace keeps them all. */
  static final int MAX_LINES = 50_000;

  /** One console line. {@code style} is a CSS class: plain, stderr, failure or meta. */
  public record Line(String lane, int colorIndex, String text, String style) {}

  private final I18n i18n;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private boolean truncated;

  public LogConsole(I18n i18n) {
    this.i18n = i18n;
    setItems(lines);
    getStyleClass().add("log-console");
    setCellFactory(list -> new LineCell());
    setFocusTraversable(false);
  }

  public void clear() {
    lines.clear();
    truncated = false;
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
    int overflow = lines.size() + added.size() - MAX_LINES;
    if (overflow > 0) {
      if (!truncated) {
        truncated = true;
        added.add(new Line("", 0, i18n.get("log.truncated", MAX_LINES), "meta"));
      }
      if (overflow >= lines.size()) {
        lines.clear();
        added = added.subList(Math.max(0, added.size() - MAX_LINES), added.size());
      } else {
        lines.remove(0, overflow);
      }
    }
    lines.addAll(added);
    scrollTo(lines.size() - 1);
  }

  private Line toLine(Lane lane, TraceEvent event) {
    String name = lane.name();
    int color = lane.colorIndex();
    return switch (event.kind()) {
      case PRINT -> new Line(name, color, event.text(), "plain");
      case STDERR -> new Line(name, color, event.text(), "stderr");
      case TASK_FAILED -> new Line(name, color, i18n.get("log.taskFailed", event.value(), event.text()), "failure");
      case END -> event.value() == 0 ? null : new Line(name, color, i18n.get("log.ended", event.text()), "failure");
      case MARKER -> new Line(name, color, "⚑ " + event.text(), "meta");
      case START -> new Line(name, color, i18n.get("log.started", event.text()), "meta");
      default -> null;
    };
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  private static final class LineCell extends ListCell<Line> {
    private final Label lane = new Label();

    LineCell() {
      lane.getStyleClass().add("log-lane");
      lane.setMinWidth(130);
      lane.setPrefWidth(130);
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
      lane.setStyle(line.lane().isEmpty() ? "" : "-fx-background-color: " + Palette.laneCss(line.colorIndex()) + ";");
      setGraphic(lane);
      setText(line.text());
      getStyleClass().add(line.style());
    }
  }
}
