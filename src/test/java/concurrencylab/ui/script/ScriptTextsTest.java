package concurrencylab.ui.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the script tab reads from text: the arguments field's words, and the interpreter's errors. */
class ScriptTextsTest {
  @Test
  void argumentsSplitAtSpacesAndQuotesKeepWordsWhole() {
    assertThat(ScriptArguments.split("  4  \"two words\" 'it''s' a\"b c\"d  ")).containsExactly("4", "two words", "its", "ab cd");
    assertThat(ScriptArguments.split("$(rm -rf /) ; |")).containsExactly("$(rm", "-rf", "/)", ";", "|");
    assertThat(ScriptArguments.split("")).isEmpty();
    assertThat(ScriptArguments.split("\"\"")).containsExactly("");
    assertThatThrownBy(() -> ScriptArguments.split("one \"open")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"");
  }

  @Test
  void aTracebackMarksTheScriptsLastLineOnItsLaneAndOtherFilesAreNotTheScript() {
    Trace trace = new Trace();
    Lane main = trace.addLane("MainProcess", LaneKind.PROCESS, 100, -1);
    Lane worker = trace.addLane("Thread-1", LaneKind.THREAD, 100, main.id());
    trace.record(worker, EventKind.STDERR, "Traceback (most recent call last):");
    trace.record(worker, EventKind.STDERR, "  File \"/tmp/work/demo.py\", line 7, in <module>");
    trace.record(worker, EventKind.STDERR, "  File \"/tmp/work/demo.py\", line 3, in divide");
    trace.record(worker, EventKind.STDERR, "    return a / b");
    trace.record(worker, EventKind.STDERR, "  File \"/usr/lib/python3.11/other.py\", line 99, in helper");
    trace.record(worker, EventKind.STDERR, "ZeroDivisionError: division by zero");
    trace.record(main, EventKind.STDERR, "  File \"/tmp/work/notdemo.py\", line 5");
    trace.record(main, EventKind.STDERR, "SyntaxError: invalid syntax");
    trace.sync();
    ScriptErrors errors = new ScriptErrors("demo.py");
    errors.scan(trace);
    errors.scan(trace); // read once: a second scan adds nothing
    assertThat(errors.linesAt(Long.MAX_VALUE)).containsOnlyKeys(2).containsEntry(2, List.of(worker.colorIndex()));
    assertThat(errors.firstAt(Long.MAX_VALUE)).get().satisfies(mark -> {
      assertThat(mark.laneId()).isEqualTo(worker.id());
      assertThat(mark.message()).isEqualTo("ZeroDivisionError: division by zero");
    });
    assertThat(errors.linesAt(-1)).isEmpty();
  }
}
