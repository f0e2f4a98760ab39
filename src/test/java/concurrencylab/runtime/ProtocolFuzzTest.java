package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.runtime.LineProtocol.Message;
import concurrencylab.runtime.LineProtocol.Verb;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.TraceEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad child output, DESIGN §5: the protocol parser, the line reader and the parent's handling of
 * each line get random and almost-right input. No exception escapes, every line ends up recorded
 * exactly once, as protocol or as the child's own text, and what the app itself writes parses
 * back exactly. The number of cases is jqwik's {@code jqwik.tries.default} (set by the pom: 1000
 * per property, 10000 with -Plong).
 */
class ProtocolFuzzTest {
  private static final AtomicLong CASES = new AtomicLong();
  private static final AtomicLong LINES = new AtomicLong();
  private static OneWorker one;

  /** A real, idle worker whose lane receives the lines fed to {@link WorkerProcess#accept}. */
  @BeforeContainer
  static void startWorker() throws InterruptedException {
    one = OneWorker.ready("fuzzed");
  }

  @AfterContainer
  static void stopWorker() throws InterruptedException {
    one.end();
    one = null; // the recording of every case, not to be kept for the rest of the test run
    System.out.printf("fuzz, in process: %,d cases, %,d lines fed to the parser and the parent's line handling, 0 escaped exceptions%n",
        CASES.get(), LINES.get());
  }

  @Provide
  Arbitrary<String> protocolish() {
    return ChildOutput.protocolishOrHuge();
  }

  @Provide
  Arbitrary<List<String>> protocolishLines() {
    return ChildOutput.protocolish().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<byte[]> childBytes() {
    return ChildOutput.bytes(10);
  }

  @Provide
  Arbitrary<String> oneLineText() {
    return Arbitraries.strings().all().ofMaxLength(60).map(s -> s.replace('\n', ' '));
  }

  @Property
  void parsingNeverThrowsAndWhatItAcceptsIsStable(@ForAll("protocolish") String line) {
    CASES.incrementAndGet();
    LINES.incrementAndGet();
    Message message = LineProtocol.parse(line);
    if (message == null) {
      return;
    }
    assertThat(line).startsWith(LineProtocol.PREFIX);
    String again = switch (message.verb()) {
      case READY -> LineProtocol.ready(message.time(), message.number());
      case PRINT -> LineProtocol.print(message.time(), message.text());
      case MARK -> LineProtocol.mark(message.time(), message.text());
      case STATE -> LineProtocol.state(message.time(), message.text());
      case BEGIN -> LineProtocol.begin(message.time(), message.number());
      case END -> LineProtocol.end(message.time(), message.number());
      case FAIL -> LineProtocol.fail(message.time(), message.number(), message.text());
      case RUN -> null;
    };
    if (again != null && message.text().indexOf('\n') < 0 && message.text().indexOf('\r') < 0) {
      assertThat(LineProtocol.parse(again)).isEqualTo(message);
    }
  }

  @Property
  void everyLineTheWorkerSendsParsesBackExactly(@ForAll long time, @ForAll long number, @ForAll("oneLineText") String text) {
    CASES.incrementAndGet();
    LINES.addAndGet(6);
    assertThat(LineProtocol.parse(LineProtocol.ready(time, number))).isEqualTo(new Message(Verb.READY, time, number, ""));
    assertThat(LineProtocol.parse(LineProtocol.print(time, text))).isEqualTo(new Message(Verb.PRINT, time, 0, text));
    assertThat(LineProtocol.parse(LineProtocol.state(time, text))).isEqualTo(new Message(Verb.STATE, time, 0, text));
    assertThat(LineProtocol.parse(LineProtocol.begin(time, number))).isEqualTo(new Message(Verb.BEGIN, time, number, ""));
    assertThat(LineProtocol.parse(LineProtocol.end(time, number))).isEqualTo(new Message(Verb.END, time, number, ""));
    assertThat(LineProtocol.parse(LineProtocol.fail(time, number, text + "\nsecond line")))
        .isEqualTo(new Message(Verb.FAIL, time, number, text.replace('\r', ' ') + " second line"));
  }

  @Property
  void runArgumentsArriveLiterallyWhateverTheyHold(@ForAll long task, @ForAll String taskClass, @ForAll List<String> args) {
    CASES.incrementAndGet();
    LINES.incrementAndGet();
    String line = LineProtocol.run(task, taskClass, args);
    assertThat(line).doesNotContain("\n", "\r");
    Message message = LineProtocol.parse(line);
    assertThat(message.verb()).isEqualTo(Verb.RUN);
    assertThat(message.number()).isEqualTo(task);
    List<String> expected = new ArrayList<>();
    expected.add(taskClass);
    expected.addAll(args);
    assertThat(LineProtocol.runArguments(message.text())).isEqualTo(expected);
  }

  @Property
  void theLineReaderSplitsAnyBytesAsPromisedHoweverTheyArrive(
      @ForAll("childBytes") byte[] bytes, @ForAll @IntRange(min = 1, max = 10_000) int maxChunk, @ForAll long seed) throws IOException {
    CASES.incrementAndGet();
    LineReader reader = new LineReader(new ChunkedStream(bytes, maxChunk, seed));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      lines.add(line);
    }
    LINES.addAndGet(lines.size());
    Statistics.label("input").collect(lines.stream().anyMatch(l -> l.endsWith(LineReader.CUT_MARKER)) ? "with a line cut at 64 KiB" : "no line past 64 KiB");
    Statistics.label("invalid UTF-8").collect(lines.stream().anyMatch(l -> l.indexOf('\uFFFD') >= 0) ? "replaced" : "none");
    assertThat(lines).isEqualTo(ChildOutput.expectedLines(bytes));
    assertThat(reader.readLine()).as("end of stream stays the end").isNull();
  }

  @Property
  void theParentRecordsEveryLineOnceAsProtocolOrText(@ForAll("protocolishLines") List<String> lines) {
    CASES.incrementAndGet();
    LINES.addAndGet(lines.size());
    one.discardRecorded();
    for (String line : lines) {
      one.worker().accept(line);
    }
    List<TraceEvent> recorded = one.laneRecorded();

    assertThat(recorded).hasSameSizeAs(lines);
    for (int i = 0; i < lines.size(); i++) {
      assertRecordedAs(lines.get(i), recorded.get(i));
    }
  }

  /** How the parent must have recorded one line from a child's stdout. */
  static void assertRecordedAs(String line, TraceEvent event) {
    Message message = LineProtocol.parse(line);
    Statistics.label("line").collect(message == null ? "text" : "protocol " + message.verb());
    if (message == null) {
      assertThat(event.kind()).isEqualTo(EventKind.PRINT);
      assertThat(event.text()).as("a line that is not protocol is kept as the child printed it").isEqualTo(line);
      return;
    }
    switch (message.verb()) {
      case READY -> assertThat(event.state()).isEqualTo(LaneState.WAITING);
      case PRINT -> assertThat(event.text()).isEqualTo(message.text());
      case MARK -> assertThat(event.kind()).isEqualTo(EventKind.MARKER);
      case STATE -> assertThat(event.kind()).isEqualTo(EventKind.STATE);
      case BEGIN -> assertThat(event.kind()).isEqualTo(EventKind.TASK_BEGIN);
      case END -> assertThat(event.kind()).isEqualTo(EventKind.TASK_END);
      case FAIL -> assertThat(event.text()).isEqualTo(message.text());
      case RUN -> assertThat(event.text()).as("a child cannot send work: shown as text").isEqualTo(line);
    }
    if (message.verb() == Verb.BEGIN || message.verb() == Verb.END || message.verb() == Verb.FAIL) {
      assertThat(event.value()).isEqualTo(message.number());
    }
  }

  /** Hands out its bytes in pieces of random size, as a pipe does. */
  private static final class ChunkedStream extends InputStream {
    private final ByteArrayInputStream bytes;
    private final int maxChunk;
    private final Random random;

    ChunkedStream(byte[] bytes, int maxChunk, long seed) {
      this.bytes = new ByteArrayInputStream(bytes);
      this.maxChunk = maxChunk;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      return bytes.read(buffer, offset, Math.min(length, 1 + random.nextInt(maxChunk)));
    }
  }
}
