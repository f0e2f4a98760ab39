package concurrencylab.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record <lesson> --language python} and {@code record script FILE.py}: the Python runs, headless. */
class PythonRecordTest {
  private static concurrencylab.runtime.python.PythonFinder.Result python;
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  @TempDir Path dir;

  @BeforeAll
  static void findPython() {
    python = concurrencylab.runtime.python.PythonFinder.find();
    if (python instanceof concurrencylab.runtime.python.PythonFinder.NotFound none) {
      System.out.println("PythonRecordTest skipped: " + none.reason());
    }
  }

  private int record(String... args) {
    assumeTrue(python instanceof concurrencylab.runtime.python.PythonFinder.Found, "no Python >= 3.8");
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    return RecordCommand.run(List.of(args), out, err);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  /** The CSV's rows of process lanes: lane name → pid. */
  private static Set<String> processPids(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1))
        .filter(f -> f[3].equals("PROCESS") && f[5].equals("START") && !f[2].equals("app"))
        .map(f -> f[4]).collect(Collectors.toSet());
  }

  @Test
  void aLessonRecordedInPythonRunsItsScriptWithRealProcesses() throws Exception {
    Path csv = dir.resolve("pool.csv");
    int status = record("pool", "--language", "python", "--processes", "2", "--tasks", "4", "--sleepSeconds", "0-0.1", "--out", csv.toString());
    assertThat(status).as(out() + err()).isZero();
    assertThat(out()).contains("--language python", "[MainProcess] all subprocesses done.").containsPattern("\\[ForkPoolWorker-\\d] task 3 \\(pid=\\d+\\) is running");
    assertThat(processPids(csv)).as("MainProcess and two workers, each its own pid").hasSize(3);
  }

  @Test
  void everyHeadlessChapterLessonRecordsInPython() throws Exception {
    for (String lesson : List.of("fork", "process", "thread", "threadsubclass", "lock", "progress")) {
      Path json = dir.resolve(lesson + ".json");
      List<String> args = new java.util.ArrayList<>(List.of(lesson, "--language", "python", "--quiet", "--out", json.toString()));
      if (lesson.equals("process")) {
        args.addAll(List.of("--children", "2", "--maxSleepMillis", "50"));
      } else if (lesson.startsWith("thread")) {
        args.addAll(List.of("--maxSleepMillis", "20"));
      } else if (lesson.equals("lock")) {
        args.addAll(List.of("--increments", "5", "--stepMillis", "1"));
      } else if (lesson.equals("progress")) {
        args.addAll(List.of("--steps", "3", "--jobStepMillis", "10"));
      }
      assertThat(record(args.toArray(String[]::new))).as(lesson + ": " + err()).isZero();
      assertThat(Files.readString(json)).contains("MainProcess");
    }
  }

  @Test
  void aBadLanguageIsABadArgument() {
    assertThat(record("pool", "--language", "cobol", "--out", dir.resolve("p.json").toString())).isEqualTo(RecordCommand.USAGE);
    assertThat(err()).contains("--language takes java or python");
  }

  @Test
  void anyScriptRecordsWithItsArgumentsAndItsExitStatus() throws Exception {
    Path script = Files.writeString(dir.resolve("mine.py"), "import sys, os\nprint('args', sys.argv[1:], os.getcwd())\nsys.exit(int(sys.argv[1]))\n");
    Path json = dir.resolve("mine.json");
    assertThat(record("script", script.toString(), "--arg", "0", "--arg", "$(touch x) 'q'", "--out", json.toString())).as(err()).isZero();
    assertThat(out()).contains("[MainProcess] args ['0', \"$(touch x) 'q'\"] " + dir.toRealPath());
    assertThat(dir.resolve("x")).doesNotExist();
    assertThat(record("script", script.toString(), "--arg", "3", "--out", json.toString())).isEqualTo(RecordCommand.FAILED);
    assertThat(err()).contains("exit 3");
    assertThat(json).exists();
    assertThat(record("script", dir.resolve("none.py").toString(), "--out", json.toString())).isEqualTo(RecordCommand.USAGE);
  }

  @Test
  void aScriptRunsInTheChosenFolderAndItsTextIsInTheExport() throws Exception {
    Path script = Files.writeString(dir.resolve("where.py"), "import os\nprint('in', os.getcwd())\n");
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path json = dir.resolve("where.json");
    assertThat(record("script", script.toString(), "--cwd", elsewhere.toString(), "--out", json.toString())).as(err()).isZero();
    assertThat(out()).contains("[MainProcess] in " + elsewhere.toRealPath(), "--cwd " + elsewhere);
    com.fasterxml.jackson.databind.JsonNode about = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("otherData");
    assertThat(about.get("script").asText()).isEqualTo("import os\nprint('in', os.getcwd())\n");
    assertThat(record("script", script.toString(), "--cwd", dir.resolve("nowhere").toString(), "--out", json.toString())).isEqualTo(RecordCommand.USAGE);
    assertThat(err()).contains("no such folder");
  }

  @Test
  void aScriptRecordedInSlowMotionCarriesEachThreadsCurrentLines() throws Exception {
    Path script = Files.writeString(dir.resolve("slow.py"), String.join("\n",
        "import threading",
        "def count(n):",
        "    total = 0",
        "    for i in range(n):",
        "        total += i",
        "    print('total', total)",
        "t = threading.Thread(target=count, args=(3,), name='counter')",
        "t.start()",
        "t.join()",
        ""));
    Path json = dir.resolve("slow.json");
    assertThat(record("script", script.toString(), "--stepMillis", "1", "--quiet", "--out", json.toString())).as(err()).isZero();
    com.fasterxml.jackson.databind.JsonNode trace = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    java.util.Map<String, Long> tids = new java.util.HashMap<>();
    java.util.Map<Long, java.util.List<Long>> linesByTid = new java.util.HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode event : trace.get("traceEvents")) {
      if (event.path("name").asText().equals("thread_name")) {
        tids.put(event.get("args").get("name").asText(), event.get("tid").asLong());
      }
      if (event.path("cat").asText().equals("line")) {
        linesByTid.computeIfAbsent(event.get("tid").asLong(), t -> new java.util.ArrayList<>()).add(event.get("args").get("line").asLong());
      }
    }
    assertThat(linesByTid.get(tids.get("counter"))).as("the thread's lines, in order").isNotNull()
        .containsSubsequence(3L, 4L, 5L, 4L, 5L, 4L, 5L, 4L, 6L).doesNotContain(7L, 8L, 9L);
    assertThat(linesByTid.get(tids.get("MainProcess"))).as("the main thread's lines").isNotNull()
        .containsSubsequence(1L, 2L, 7L, 8L, 9L).doesNotContain(3L, 4L, 5L, 6L);
    assertThat(trace.get("otherData").toString()).contains("--stepMillis 1");

    Path fast = dir.resolve("fast.json");
    assertThat(record("script", script.toString(), "--quiet", "--out", fast.toString())).as(err()).isZero();
    assertThat(Files.readString(fast)).as("full speed: no lines").doesNotContain("\"cat\":\"line\"");
    assertThat(record("script", script.toString(), "--stepMillis", "-1", "--out", fast.toString())).isEqualTo(RecordCommand.USAGE);
    assertThat(err()).contains("--stepMillis takes a number from 0 to 1000");
  }
}
