package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.runtime.Await;
import concurrencylab.runtime.LineReader;
import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN §5 for Python runs: whatever the script does, a clear result on its lane and nothing left behind. */
class PythonFaultsTest {
  @TempDir Path dir;

  @Test
  void linesThatLookLikeRecordsAreShownAsPrintedAndNeverObeyed() throws Exception {
    String forged = "P\\t1\\t1\\t0\\t1\\t0\\tmain\\tFORGED";
    String script = String.join("\n",
        "import os, sys",
        "line = '" + forged + "'",
        "print(line)",
        "print(line, file=sys.stderr)",
        "os.write(1, (line + '\\n').encode())",
        "os.write(2, ('K\\t' + str(os.getpid()) + '\\t1\\t0\\t7\\t0\\t\\tFORGED task\\n').encode())",
        "");
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    assertThat(ran.trace().lanes()).extracting(Lane::name).doesNotContain("FORGED").hasSize(2);
    assertThat(ran.all(EventKind.TASK_BEGIN)).isEmpty();
    Lane main = ran.lane("MainProcess");
    String printed = forged.replace("\\t", "\t");
    assertThat(ran.printed(main)).containsExactly(printed, printed);
    assertThat(ran.on(main, EventKind.STDERR)).extracting(TraceEvent::text).contains(printed).anySatisfy(t -> assertThat(t).startsWith("K\t"));
  }

  @Test
  void aForkBombIsStoppedAtTheProcessLimitWithAClearMessage() throws Exception {
    String script = String.join("\n",
        "import os, time",
        "while True:",
        "    try:",
        "        os.fork()",
        "    except BlockingIOError as e:",
        "        print('refused:', e)",
        "        time.sleep(60)",
        "");
    long started = System.nanoTime();
    PythonRuns.Ran ran = PythonRuns.run(script, dir, PythonRuns.options().withMaxProcesses(12));
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("stopped, not waited for").isLessThan(30);
    assertThat(ran.result().limitReached()).as(ran.describe()).isTrue();
    assertThat(ran.result().description()).isEqualTo("process limit reached");
    List<Lane> processes = ran.lanes(LaneKind.PROCESS);
    assertThat(processes).hasSizeBetween(2, 12);
    assertThat(ran.all(EventKind.STDERR)).extracting(TraceEvent::text).anySatisfy(t -> assertThat(t).contains("may start at most 12 processes"));
    assertThat(ran.all(EventKind.MARKER)).extracting(e -> concurrencylab.export.EnglishTexts.render(e.text())).contains("process limit reached");
    Await.until(Duration.ofSeconds(5), () -> processes.stream().noneMatch(l -> Processes.alive(l.pid())), "every process of the bomb is gone");
  }

  @Test
  void aFloodOfOutputIsRecordedLineForLine() throws Exception {
    int perThread = 100_000;
    String script = String.join("\n",
        "import threading",
        "def flood(name):",
        "    for i in range(" + perThread + "):",
        "        print(name, i)",
        "ts = [threading.Thread(target=flood, args=(n,), name=n) for n in ('a', 'b')]",
        "[t.start() for t in ts]",
        "[t.join() for t in ts]",
        "print('done')",
        "");
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    for (String name : List.of("a", "b")) {
      List<String> lines = ran.printed(ran.lane(name));
      assertThat(lines).hasSize(perThread);
      assertThat(lines.get(perThread - 1)).isEqualTo(name + " " + (perThread - 1));
      assertThat(Set.copyOf(lines)).hasSize(perThread);
    }
    assertThat(ran.result().lines()).isEqualTo(2L * perThread + 1);
    assertThat(ran.all(EventKind.STDERR)).as("none said missing").isEmpty();
  }

  @Test
  void aSyntaxErrorIsShownOnTheLaneAndTheRunFails() throws Exception {
    PythonRuns.Ran ran = PythonRuns.run("print('fine')\ndef broken(:\n    pass\n", dir);
    Lane main = ran.lane("MainProcess");
    assertThat(ran.result().status()).isEqualTo(1);
    assertThat(ran.result().succeeded()).isFalse();
    assertThat(ran.on(main, EventKind.STDERR)).extracting(TraceEvent::text)
        .anySatisfy(t -> assertThat(t).contains("script.py\", line 2"))
        .anySatisfy(t -> assertThat(t).startsWith("SyntaxError"));
    assertThat(ran.on(main, EventKind.END)).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo(1));
  }

  @Test
  void anUncaughtExceptionIsShownOnTheLaneOfTheThreadThatRaisedIt() throws Exception {
    String script = String.join("\n",
        "import threading",
        "def work():",
        "    raise KeyError('in a thread')",
        "t = threading.Thread(target=work, name='worker')",
        "t.start(); t.join()",
        "raise ValueError('boom')",
        "");
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    Lane main = ran.lane("MainProcess");
    Lane worker = ran.lane("worker");
    assertThat(ran.on(worker, EventKind.STDERR)).extracting(TraceEvent::text).anySatisfy(t -> assertThat(t).isEqualTo("KeyError: 'in a thread'"));
    assertThat(ran.on(worker, EventKind.END)).singleElement().satisfies(e -> assertThat(concurrencylab.export.EnglishTexts.render(e.text())).isEqualTo("raised an exception"));
    assertThat(ran.on(main, EventKind.STDERR)).extracting(TraceEvent::text)
        .contains("Traceback (most recent call last):", "ValueError: boom")
        .anySatisfy(t -> assertThat(t).contains("script.py\", line 6"));
    assertThat(ran.on(main, EventKind.END)).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo(1));
    assertThat(ran.result().status()).isEqualTo(1);
  }

  @Test
  void aScriptThatReadsStdinGetsEndOfFile() throws Exception {
    String script = "import sys\nprint(repr(sys.stdin.read()))\ntry:\n    input()\nexcept EOFError:\n    print('EOF')\n";
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    assertThat(ran.printed(ran.lane("MainProcess"))).containsExactly("''", "EOF");
  }

  @Test
  void invalidUtf8AndEndlessLinesAreShownCutNeverLost() throws Exception {
    String script = String.join("\n",
        "import os, sys",
        "sys.stdout.buffer.write(b'bad \\xff\\xfe bytes\\n')",
        "os.write(1, b'raw \\xc3( bytes\\n')",
        "sys.stdout.write('x' * 200000)",
        "sys.stdout.write('\\n')",
        "os.write(1, b'y' * 200000)",
        "print('after')",
        "");
    PythonRuns.Ran ran = PythonRuns.run(script, dir);
    List<String> lines = ran.printed(ran.lane("MainProcess"));
    assertThat(lines).contains("bad \uFFFD\uFFFD bytes", "raw \uFFFD( bytes", "after");
    assertThat(lines).filteredOn(l -> l.startsWith("xxx")).singleElement()
        .satisfies(l -> assertThat(l).hasSize(LineReader.MAX_LINE_BYTES + LineReader.CUT_MARKER.length()).endsWith(LineReader.CUT_MARKER));
    assertThat(lines).filteredOn(l -> l.startsWith("yyy")).singleElement().satisfies(l -> assertThat(l).endsWith(LineReader.CUT_MARKER));
  }

  @Test
  void stopEndsTheWholeTreeWithinASecond() throws Exception {
    Path script = PythonRuns.write(dir, "tree.py", PythonTrees.FORKS_AND_A_BUSY_POOL);
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "app");
    PythonRun run = PythonRun.startFile(scope, PythonRuns.options(), script, List.of(), dir);
    List<TraceEvent> events = new ArrayList<>();
    Await.until(Duration.ofSeconds(60), () -> {
      events.addAll(trace.sync());
      return events.stream().filter(e -> e.kind() == EventKind.TASK_BEGIN).count() >= 2
          && events.stream().filter(e -> e.kind() == EventKind.PRINT && e.text().startsWith("grandchild")).count() >= 2;
    }, "the pool is busy and the grandchildren run");
    List<Long> pids = trace.lanes().stream().filter(l -> l.id() != 0).map(Lane::pid).distinct().toList();
    assertThat(pids).hasSizeGreaterThanOrEqualTo(6);
    long stop = System.nanoTime();
    scope.cancel();
    Await.until(Duration.ofSeconds(1), () -> pids.stream().noneMatch(Processes::alive), "no process of the run is alive");
    System.out.printf("python stop: %d processes gone %d ms after Stop%n", pids.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop));
    assertThat(run.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
    PythonRun.Result result = run.await();
    assertThat(result.stopped()).isTrue();
    events.addAll(trace.sync());
    Set<Integer> ended = events.stream().filter(e -> e.kind() == EventKind.END).map(TraceEvent::lane).collect(Collectors.toSet());
    assertThat(trace.lanes().stream().filter(l -> l.id() != 0).map(Lane::id)).as("every lane says how it ended").allMatch(ended::contains);
  }

  @Test
  void theTracerLeavesItsFilesBehindNowhere() throws Exception {
    PythonRuns.Ran ran = PythonRuns.run(
        "import os\nprint(os.environ.get('CLAB_FIRST'), os.environ['CLAB_RUN_DIR'])\nprint(os.environ['PYTHONPATH'].split(os.pathsep)[0])\n", dir);
    List<String> printed = ran.printed(ran.lane("MainProcess"));
    assertThat(printed.get(0)).startsWith("None ");
    assertThat(Files.exists(Path.of(printed.get(0).replaceFirst("^None ", "")))).as("the run's folder is removed after it").isFalse();
    Path tracer = Path.of(printed.get(1));
    assertThat(tracer).as("the tracer's files: one folder for every run of the app, removed when it exits").isEqualTo(TracerFolder.get());
    try (var files = Files.list(tracer)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("__pycache__")))
          .as("nothing of a run's is left in it").containsExactlyInAnyOrderElementsOf(TracerFolder.FILES);
    }
  }
}
