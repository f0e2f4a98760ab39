package concurrencylab.ui;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lesson's code side by side: the Python of the chapter's kind and the Java that really runs.
 * At the cursor time (live: now) each lane's latest step marks its line in both, in its colour.
 */
public final class CodePanel extends SplitPane {
  /** How far back in a lane's events to look for one that marks a line. */
  private static final int LOOK_BACK = 64;

  private final Lesson lesson;
  private final CodeView python;
  private final CodeView java;

  public CodePanel(Lesson lesson, I18n i18n) {
    this.lesson = lesson;
    getStyleClass().add("code-panel");
    setOrientation(Orientation.HORIZONTAL);
    python = new CodeView(lesson.pythonExample());
    java = new CodeView(lesson.javaExample());
    python.setId("code-python");
    java.setId("code-java");
    getItems().addAll(column(i18n, "code.python", python), column(i18n, "code.java", java));
  }

  private static VBox column(I18n i18n, String captionKey, CodeView view) {
    Label caption = new Label();
    caption.textProperty().bind(i18n.text(captionKey));
    caption.getStyleClass().add("code-caption");
    VBox.setVgrow(view, Priority.ALWAYS);
    VBox column = new VBox(caption, view);
    column.setMinWidth(0);
    return column;
  }

  void setScale(double scale) {
    python.setScale(scale);
    java.setScale(scale);
  }

  void repaint() {
    python.paint();
    java.paint();
  }

  CodeView python() {
    return python;
  }

  CodeView java() {
    return java;
  }

  /** Marks, for every lane, the line its latest matching event at or before {@code time} stands for. */
  void follow(Trace trace, long time) {
    List<CodeStep> steps = lesson.codeSteps();
    if (trace == null || steps.isEmpty()) {
      return;
    }
    Map<Integer, List<Integer>> javaMarks = new TreeMap<>();
    Map<Integer, List<Integer>> pythonMarks = new TreeMap<>();
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      int last = track.lastIndexAtOrBefore(time);
      if (last >= 0 && track.kind(last) == concurrencylab.trace.EventKind.END) {
        continue; // an ended lane is at no line
      }
      CodeStep step = latestStep(track, last, steps);
      if (step != null) {
        mark(javaMarks, java.lineOf(step.javaSnippet()), lane.colorIndex());
        mark(pythonMarks, python.lineOf(step.pythonSnippet()), lane.colorIndex());
      }
    }
    java.setMarkers(javaMarks);
    python.setMarkers(pythonMarks);
  }

  private static CodeStep latestStep(LaneTrack track, int last, List<CodeStep> steps) {
    for (int i = last; i >= 0 && i > last - LOOK_BACK; i--) {
      for (CodeStep step : steps) {
        if (step.matches(track.kind(i), track.value(i), track.text(i))) {
          return step;
        }
      }
    }
    return null;
  }

  private static void mark(Map<Integer, List<Integer>> marks, int line, int color) {
    if (line >= 0) {
      marks.computeIfAbsent(line, l -> new ArrayList<>()).add(color);
    }
  }
}
