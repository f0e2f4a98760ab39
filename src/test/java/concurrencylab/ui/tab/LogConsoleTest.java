package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.ui.look.Theme;
import concurrencylab.ui.text.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as it stands beside the code at 200 % and more: about 490 px wide. Its type keeps
 * 40 columns in a line there, and grows as the window's where it has room. A lane name too long
 * for its chip ("Thread-of-the-pool-12") keeps its end in one row, and no line covers the next.
 */
@ExtendWith(ApplicationExtension.class)
class LogConsoleTest {
  private final I18n i18n = new I18n(Locale.ENGLISH);
  private Label shownChip(int line) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return onFx(() -> console.lookupAll(".list-cell").stream()
        .filter(node -> node instanceof ListCell<?> cell && !cell.isEmpty() && cell.getIndex() == line)
        .map(node -> (Label) node.lookup(".log-lane")).findFirst().orElseThrow());
  }
  private LogConsole console;

  @Start
  void start(Stage stage) {
    console = new LogConsole(i18n);
    StackPane holder = new StackPane(console);
    holder.setStyle("-fx-font-size: 32px;");
    Scene scene = new Scene(holder, 490, 700);
    scene.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
    scene.getStylesheets().addAll(Theme.commonStylesheet(), Theme.LIGHT.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aLongLaneNameKeepsItsEndInOneRowAndNoLineCoversTheNext() throws Exception {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    Lane worker = trace.addLane("Thread-of-the-pool-12", LaneKind.PROCESS, 2, main.id());
    trace.record(main, EventKind.PRINT, "waiting for all subprocesses done...");
    trace.record(worker, EventKind.PRINT, "task 1 end.");
    trace.record(worker, EventKind.PRINT, "task 4 (pid=10857) is running...");
    trace.record(main, EventKind.PRINT, "done");
    onFx(() -> {
      console.setScale(2.0);
      console.append(trace, trace.sync());
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    List<String> problems = onFx(() -> {
      List<String> found = new ArrayList<>();
      List<ListCell<?>> cells = console.lookupAll(".list-cell").stream()
          .filter(node -> node instanceof ListCell<?> cell && !cell.isEmpty() && cell.isVisible())
          .<ListCell<?>>map(node -> (ListCell<?>) node)
          .sorted(Comparator.comparingDouble(cell -> cell.localToScene(0, 0).getY()))
          .toList();
      if (cells.size() != 4) {
        found.add("lines shown: " + cells.size());
      }
      for (int i = 0; i < cells.size(); i++) {
        ListCell<?> cell = cells.get(i);
        Bounds line = cell.localToScene(cell.getLayoutBounds());
        Label chip = (Label) cell.lookup(".log-lane");
        Bounds chipBounds = chip.localToScene(chip.getLayoutBounds());
        if (chipBounds.getMaxY() > line.getMaxY() + 0.5) {
          found.add("the chip " + chip.getText() + " reaches " + Math.round(chipBounds.getMaxY() - line.getMaxY()) + " px below its line");
        }
        if (i + 1 < cells.size() && cells.get(i + 1).localToScene(0, 0).getY() < line.getMaxY() - 0.5) {
          found.add("line \"" + cell.getText() + "\" covered by the next");
        }
        String shown = chip.lookupAll(".text").stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
            .findFirst().orElse("");
        if (chip.getText().equals("Thread-of-the-pool-12") && !(shown.startsWith("…") && "Thread-of-the-pool-12".endsWith(shown.substring(1)) && shown.endsWith("l-12"))) {
          found.add("the chip Thread-of-the-pool-12 shows \"" + shown + "\"");
        }
        if (chipBounds.getHeight() > 1.6 * chip.getFont().getSize() + chip.getInsets().getTop() + chip.getInsets().getBottom()) {
          found.add("the chip " + chip.getText() + " is " + Math.round(chipBounds.getHeight()) + " px high: more than one row");
        }
      }
      return found;
    });
    assertThat(problems).isEmpty();
  }

  /** The app's own lane of a Python run is named in the language shown, and again after a switch. */
  @Test
  void theAppsOwnLaneIsNamedInTheLanguageShown() throws Exception {
    Trace trace = new Trace();
    Lane app = trace.addLane(concurrencylab.runtime.python.PythonRun.APP_LANE, LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.record(app, EventKind.START, "");
    onFx(() -> {
      i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
      console.append(trace, trace.sync());
      return null;
    });
    assertThat(shownChip(0).getText()).isEqualTo("应用");
    onFx(() -> {
      i18n.localeProperty().set(Locale.ENGLISH);
      return null;
    });
    assertThat(shownChip(0).getText()).isEqualTo("app");
  }

  @Test
  void theTypeGrowsWithTheScaleButKeepsFortyColumnsInALine() throws Exception {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.record(main, EventKind.PRINT, "a line");
    onFx(() -> {
      console.append(trace, trace.sync());
      return null;
    });
    for (double scale : new double[] {1.0, 2.0, 2.5}) {
      onFx(() -> {
        console.setScale(scale);
        return null;
      });
      double size = shownTypeSize();
      double room = onFx(() -> console.getWidth() - 24);
      double forty = onFx(() -> concurrencylab.ui.look.CanvasText.width("0".repeat(LogConsole.MIN_COLUMNS), Font.font(LogConsole.FAMILY, size)));
      assertThat(forty).as("40 columns at %s×, in %s px type", scale, size).isLessThanOrEqualTo(room);
      assertThat(size).as("type at %s×", scale).isGreaterThanOrEqualTo(15);
    }
    // with room (a console 1600 px wide, on a stage of its own: the test's stage is the next tests' too)
    Stage wide = onFx(() -> {
      LogConsole roomy = new LogConsole(i18n);
      Scene scene = new Scene(new StackPane(roomy), 1600, 400);
      scene.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
      scene.getStylesheets().addAll(Theme.commonStylesheet(), Theme.LIGHT.stylesheet());
      Stage stage = new Stage();
      stage.setScene(scene);
      stage.show();
      roomy.append(trace, List.of(trace.store().track(main.id()).event(main.id(), 0)));
      roomy.setScale(2.5);
      return stage;
    });
    try {
      WaitForAsyncUtils.waitForFxEvents();
      double size = onFx(() -> wide.getScene().getRoot().lookupAll(".list-cell").stream()
          .filter(node -> node instanceof ListCell<?> cell && !cell.isEmpty())
          .map(node -> ((ListCell<?>) node).getFont().getSize()).findFirst().orElseThrow());
      assertThat(size).as("with room, as large as the window's type at 2.5×").isEqualTo(37.5);
    } finally {
      onFx(() -> {
        wide.close();
        return null;
      });
    }
  }

  private double shownTypeSize() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return onFx(() -> console.lookupAll(".list-cell").stream()
        .filter(node -> node instanceof ListCell<?> cell && !cell.isEmpty())
        .map(node -> ((ListCell<?>) node).getFont().getSize()).findFirst().orElseThrow());
  }
}
