package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No shell: a worker is this JVM's own child, started from an argument array, and whatever text
 * a task is given (shell metacharacters, quotes, globs, newlines, any Unicode) reaches the task in
 * the worker exactly. No lesson has a text parameter yet; this is the path one would take.
 */
class NoShellTest {
  private static final AtomicLong TASK = new AtomicLong();
  private static OneWorker one;

  @BeforeContainer
  static void startWorker() {
    one = OneWorker.spawn("echo");
  }

  @AfterContainer
  static void stopWorker() throws InterruptedException {
    one.end();
    one = null; // the recording of every case, not to be kept for the rest of the test run
    System.out.printf("no shell: %,d argument lists with shell metacharacters and any Unicode arrived literally%n", TASK.get());
  }

  /** Text a shell would act on, mixed with any other (well-formed) Unicode. */
  @Provide
  Arbitrary<List<String>> arguments() {
    Arbitrary<String> shellish = Arbitraries.of(
        "$(touch /tmp/pwned)", "`id`", "; rm -rf ~ #", "a && b || c", "| cat", "> out", "< in", "2>&1", "*", "?", "[a-z]",
        "~", "$HOME", "${PATH}", "'single'", "\"double\"", "\\", "\\n", "\n", "\r\n", "\t", " ", "", "#", "!", "%PATH%", "^", "&", "\u0000");
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(30)
        .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)); // lone surrogates are not text
    Arbitrary<String> arg = Arbitraries.oneOf(shellish, text, Arbitraries.of(shellish, text).flatMap(a -> a).list().ofMaxSize(4).map(l -> String.join("", l)));
    return arg.list().ofMaxSize(6);
  }

  @Property(tries = 300)
  void anyArgumentReachesTheTaskLiterally(@ForAll("arguments") List<String> args) throws Exception {
    long task = TASK.incrementAndGet();
    one.discardRecorded();
    assertThat(one.worker().run(task, TestTasks.EchoHex.class.getName(), args)).isTrue();

    List<TraceEvent> lane = new ArrayList<>();
    Await.until(Duration.ofSeconds(60), () -> {
      lane.addAll(one.laneRecorded());
      return lane.stream().anyMatch(e -> e.kind() == EventKind.TASK_END && e.value() == task);
    }, "task " + task + " ended");
    List<String> arrived = lane.stream().filter(e -> e.kind() == EventKind.PRINT && e.text().startsWith("hex "))
        .map(e -> new String(HexFormat.of().parseHex(e.text().substring(4)), StandardCharsets.UTF_8)).toList();
    assertThat(arrived).isEqualTo(args);
  }

  @Example
  void aWorkerIsThisJvmsOwnChildRunningJavaWithNoShellBetween() {
    ProcessHandle child = ProcessHandle.of(one.worker().pid()).orElseThrow();
    assertThat(child.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
    assertThat(child.info().command().map(c -> Path.of(c).getFileName().toString())).hasValueSatisfying(name -> assertThat(name).startsWith("java"));
    List<String> command = WorkerCommand.forOrigin(0);
    assertThat(Path.of(command.get(0)).getFileName().toString()).startsWith("java");
    assertThat(command).doesNotContain("sh", "/bin/sh", "bash", "-c", "cmd", "/c");
  }
}
