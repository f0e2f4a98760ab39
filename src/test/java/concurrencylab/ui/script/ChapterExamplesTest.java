package concurrencylab.ui.script;

import static concurrencylab.ui.script.ScriptWindow.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.ui.tab.LessonTab;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The chapter's five kinds of example (fork; a Process loop that joins the last child; a Pool with
 * apply_async; two threads with a target; a Thread subclass), written for these tests in our own
 * words, pasted into an empty script's editor and run through its tab: each process is a lane with
 * its own real PID, each thread a lane of its process, and every printed line is on the lane of
 * the process (the PID it prints) or thread (the name it prints) that printed it.
 */
@ExtendWith(ApplicationExtension.class)
class ChapterExamplesTest {
  private static final Pattern OWN_PID = Pattern.compile("pid (\\d+)");
  private static final Pattern OWN_THREAD = Pattern.compile("^\\[([^\\]]+)\\]");

  @TempDir static Path dir;
  private ScriptWindow lab;

  @Start
  void start(Stage stage) throws IOException {
    lab = new ScriptWindow(stage, Files.createTempDirectory(dir, "settings"), Locale.ENGLISH);
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    lab.dispose(robot);
  }

  private static String example(String name) throws IOException {
    try (InputStream in = ChapterExamplesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fork_split.py, 2, 0", "process_loop.py, 5, 0", "pool_async.py, 4, 0", "two_threads.py, 1, 2", "thread_subclass.py, 1, 2"})
  void aChapterExamplePastedAsItIsRunsWithItsLanesAndLines(String name, int processes, int threads, FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    Path empty = Files.writeString(Files.createTempDirectory(dir, "ex").resolve("mine.py"), "");
    ScriptWorkspace workspace = lab.openThroughTheMenu(robot, empty);
    String code = example(name);
    robot.interact(() -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(code);
      Clipboard.getSystemClipboard().setContent(content);
    });
    robot.clickOn("#script-editor");
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    assertThat(onFx(workspace::text)).isEqualTo(code);

    LessonTab tab = workspace.tab();
    ScriptWindow.runAndWait(robot, tab);
    Trace trace = tab.timeline().trace();
    assertThat(tab.lastResult().status()).as(describe(trace)).isEqualTo(LessonRun.Status.COMPLETED);
    assertThat(trace.runInfo().code()).isEqualTo(code);

    // lane 0 is the run's own, in the app; every other process lane is one of the script's
    List<Lane> processLanes = trace.lanes().stream().filter(l -> l.kind() == LaneKind.PROCESS && l.id() != 0).toList();
    assertThat(processLanes).as(describe(trace)).hasSize(processes);
    assertThat(processLanes).extracting(Lane::pid).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid()).allMatch(pid -> pid > 0);
    List<Lane> threadLanes = trace.lanes().stream().filter(l -> l.kind() == LaneKind.THREAD).toList();
    assertThat(threadLanes).as(describe(trace)).hasSize(threads);

    int checked = 0;
    for (Lane lane : trace.lanes()) {
      for (String line : printed(trace, lane)) {
        Matcher pid = OWN_PID.matcher(line);
        Matcher thread = OWN_THREAD.matcher(line);
        if (pid.find()) {
          assertThat(lane.pid()).as("%s is on %s", line, lane.name()).isEqualTo(Long.parseLong(pid.group(1)));
          checked++;
        } else if (thread.find()) {
          String who = thread.group(1);
          assertThat(lane.name()).as("%s is on %s", line, lane.name()).isEqualTo(who.equals("MainThread") ? processLanes.get(0).name() : who);
          checked++;
        }
      }
    }
    assertThat(checked).as("lines that name who printed them, " + describe(trace)).isGreaterThanOrEqualTo(processes + threads * 3);
  }

  private static List<String> printed(Trace trace, Lane lane) {
    List<String> lines = new ArrayList<>();
    LaneTrack track = trace.store().track(lane.id());
    for (int i = 0; i < track.size(); i++) {
      if (track.kind(i) == EventKind.PRINT) {
        lines.add(track.text(i));
      }
    }
    return lines;
  }

  private static String describe(Trace trace) {
    StringBuilder text = new StringBuilder();
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      text.append('\n').append(lane.name()).append(" (").append(lane.kind()).append(", pid ").append(lane.pid()).append("):");
      for (int i = 0; i < track.size(); i++) {
        if (track.kind(i) == EventKind.PRINT || track.kind(i) == EventKind.STDERR || track.kind(i) == EventKind.END) {
          text.append("\n  ").append(track.kind(i)).append(' ').append(track.text(i));
        }
      }
    }
    return text.toString();
  }
}
