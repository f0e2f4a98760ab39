package concurrencylab.export;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One CSV row per event, in time order, with texts quoted so that a spreadsheet reads them back. */
class CsvWriterTest {
  private static final String TRICKY = "a, \"quoted\" word\nand a second line\r\nand 你好";

  private static Trace run() {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 10, Lane.NO_PARENT);
    Lane worker = trace.addLane("worker, \"one\"", LaneKind.PROCESS, 11, main.id());
    trace.recordAt(main.id(), 0, EventKind.START, 0, "pid 10");
    trace.recordAt(main.id(), 100, EventKind.SPAWN, worker.id(), "worker, \"one\"");
    trace.recordAt(worker.id(), 100, EventKind.START, 0, "pid 11");
    trace.recordAt(worker.id(), 150, EventKind.PRINT, 0, TRICKY);
    trace.recordAt(main.id(), 200, EventKind.STATE, LaneState.WAITING.ordinal(), "");
    trace.recordAt(worker.id(), 250, EventKind.PRINT, 0, "");
    trace.recordAt(worker.id(), 300, EventKind.END, 3, concurrencylab.trace.AppText.of("end.exit", 3));
    trace.recordAt(main.id(), 400, EventKind.END, 0, concurrencylab.trace.AppText.of("end.run.completed"));
    trace.sync();
    trace.finish();
    return trace;
  }

  /** An RFC 4180 reader, as a spreadsheet reads the file. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("a quote left open").isFalse();
    assertThat(field.length() == 0 && row.isEmpty()).as("the last record ends with CRLF").isTrue();
    return rows;
  }

  @Test
  void hasAHeaderAndOneRowPerEventInTimeOrder() throws Exception {
    Trace trace = run();
    StringWriter out = new StringWriter();
    CsvWriter.write(trace, out);

    List<List<String>> rows = parse(out.toString());
    assertThat(String.join(",", rows.get(0))).isEqualTo(CsvWriter.HEADER);
    List<List<String>> events = rows.subList(1, rows.size());
    assertThat(events).hasSize((int) trace.store().size());
    assertThat(events).allSatisfy(row -> assertThat(row).hasSize(rows.get(0).size()));
    assertThat(events).extracting(row -> Long.parseLong(row.get(0))).isSorted();
    assertThat(events).extracting(row -> row.get(5))
        .containsExactly("START", "SPAWN", "START", "PRINT", "STATE", "PRINT", "END", "END");
  }

  @Test
  void quotesCommasQuotesAndLineBreaksSoTheyReadBackUnchanged() throws Exception {
    StringWriter out = new StringWriter();
    CsvWriter.write(run(), out);

    List<List<String>> rows = parse(out.toString());
    List<String> tricky = rows.stream().filter(r -> r.get(0).equals("150")).findFirst().orElseThrow();
    assertThat(tricky).containsExactly("150", "1", "worker, \"one\"", "PROCESS", "11", "PRINT", "0", "", TRICKY, "1", "", "", "", "");
    List<String> waiting = rows.stream().filter(r -> r.get(0).equals("200")).findFirst().orElseThrow();
    assertThat(waiting).containsExactly("200", "0", "main", "PROCESS", "10", "STATE", "3", "WAITING", "", "2", "", "", "", "");
    List<String> exit = rows.stream().filter(r -> r.get(0).equals("300")).findFirst().orElseThrow();
    assertThat(exit.subList(5, 9)).containsExactly("END", "3", "ENDED", "exit 3");
    assertThat(out.toString()).contains("\"a, \"\"quoted\"\" word\nand a second line\r\nand 你好\"");
  }

  @Test
  void namesTheObjectAnEventActsOnAndTheEventThatLedToIt() throws Exception {
    Trace trace = new Trace();
    Lane a = trace.addLane("Thread-1", LaneKind.THREAD, 10, Lane.NO_PARENT);
    Lane b = trace.addLane("Thread-2", LaneKind.THREAD, 10, Lane.NO_PARENT);
    SyncObject lock = trace.addSyncObject(SyncKind.LOCK, "lock, the only one");
    trace.recordAt(a.id(), 0, EventKind.START, 0, "");
    trace.recordAt(b.id(), 0, EventKind.START, 0, "");
    trace.recordRefAt(b.id(), 50, EventKind.LOCK_WAIT, 0, "", lock.id());
    EventRef released = trace.recordRefAt(a.id(), 100, EventKind.LOCK_RELEASED, 0, "", lock.id());
    EventRef acquired = trace.recordRefAt(b.id(), 110, EventKind.LOCK_ACQUIRED, 1, "", lock.id());
    trace.link(released, acquired, LinkKind.HAND_OVER);
    trace.sync();
    StringWriter out = new StringWriter();
    CsvWriter.write(trace, out);

    List<List<String>> rows = parse(out.toString());
    List<String> header = rows.get(0);
    List<String> acquiredRow = rows.stream().filter(r -> r.get(0).equals("110")).findFirst().orElseThrow();
    List<String> releasedRow = rows.stream().filter(r -> r.get(0).equals("100")).findFirst().orElseThrow();
    assertThat(acquiredRow.subList(header.indexOf("index"), header.size()))
        .containsExactly("2", "lock, the only one", "HAND_OVER", Integer.toString(a.id()), releasedRow.get(header.indexOf("index")));
    assertThat(releasedRow.subList(header.indexOf("index"), header.size())).containsExactly("1", "lock, the only one", "", "", "");
  }

  @Test
  void writesUtf8ToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/run.csv");
    CsvWriter.write(run(), file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith(CsvWriter.HEADER + "\r\n").contains("你好");
  }
}
