package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad child output end to end: a real worker writes random bytes to its real stdout, past the
 * protocol, and the parent's reader thread turns them into events. Every line arrives once, in
 * order, as protocol or as text, the task's own END still arrives after them (nothing hangs), and
 * the same worker goes on to the next case.
 */
class ChildOutputFuzzTest {
  private static final AtomicLong CASES = new AtomicLong();
  private static final AtomicLong LINES = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();
  /** Far from any task number the generated lines may forge. */
  private static final AtomicLong TASK = new AtomicLong(7_000_000_000_000_000L);
  private static OneWorker one;

  @BeforeContainer
  static void startWorker() throws InterruptedException {
    one = OneWorker.ready("writes garbage");
  }

  @AfterContainer
  static void stopWorker() throws InterruptedException {
    one.worker().closeInput();
    assertThat(one.worker().join(30, TimeUnit.SECONDS)).isTrue();
    one.end();
    one = null; // the recording of every case, not to be kept for the rest of the test run
    System.out.printf("fuzz, over a real pipe: %,d cases, %,d lines, %,d bytes written raw by one worker, all recorded once and in order%n",
        CASES.get(), LINES.get(), BYTES.get());
  }

  @Provide
  Arbitrary<byte[]> childBytes() {
    return ChildOutput.lines(20);
  }

  @Property
  void whateverAChildWritesIsRecordedLineByLineAndTheTaskStillEnds(@ForAll("childBytes") byte[] raw) throws Exception {
    // A raw line must end before the worker's own next protocol line, or the two would run together.
    byte[] bytes = raw.length > 0 && raw[raw.length - 1] == '\n' ? raw : Arrays.copyOf(raw, raw.length + 1);
    bytes[bytes.length - 1] = '\n';
    List<String> lines = ChildOutput.expectedLines(bytes);
    Statistics.label("lines").collect(lines.size() < 5 ? "0-4" : lines.size() < 20 ? "5-19" : "20+");
    Statistics.label("longest").collect(lines.stream().anyMatch(l -> l.endsWith(LineReader.CUT_MARKER)) ? "cut at 64 KiB" : "shorter");
    long task = TASK.incrementAndGet();
    CASES.incrementAndGet();
    LINES.addAndGet(lines.size());
    BYTES.addAndGet(bytes.length);
    one.discardRecorded();

    assertThat(one.worker().run(task, TestTasks.RawBytes.class.getName(), List.of(HexFormat.of().formatHex(bytes)))).isTrue();

    int expected = lines.size() + 4; // begin, RUNNING, the lines, end, WAITING
    List<TraceEvent> lane = new ArrayList<>();
    Await.until(Duration.ofSeconds(60), () -> {
      lane.addAll(one.laneRecorded());
      return lane.size() >= expected;
    }, "the task's " + lines.size() + " lines and its end arrived");
    assertThat(lane).hasSize(expected);
    assertThat(lane.get(0).kind()).isEqualTo(EventKind.TASK_BEGIN);
    assertThat(lane.get(0).value()).isEqualTo(task);
    assertThat(lane.get(1).state()).isEqualTo(LaneState.RUNNING);
    for (int i = 0; i < lines.size(); i++) {
      ProtocolFuzzTest.assertRecordedAs(lines.get(i), lane.get(2 + i));
    }
    assertThat(lane.get(expected - 2).kind()).isEqualTo(EventKind.TASK_END);
    assertThat(lane.get(expected - 2).value()).isEqualTo(task);
    assertThat(lane.get(expected - 1).state()).isEqualTo(LaneState.WAITING);
    assertThat(one.worker().isAlive()).isTrue();
  }
}
