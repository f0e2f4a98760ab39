package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Effort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4: children left alive 1 s after the app is killed with SIGKILL: 0. The app's run part
 * ({@link OrphanDriver}: a pool of 8 busy workers) runs as a process of its own; the test kills
 * it and then looks for each worker by PID. A worker counts as alive when a process with its PID
 * and its start time still exists and is not a zombie: in this sandbox init does not always reap
 * orphans at once, and a zombie has already exited.
 */
class OrphanTest {
  private static final Duration PROMISE = Duration.ofSeconds(1);

  /** One worker as seen while the driver was alive. */
  private record Child(long pid, Optional<Instant> start) {
    boolean alive() {
      Optional<ProcessHandle> now = ProcessHandle.of(pid);
      if (now.isEmpty() || !now.get().isAlive()) {
        return false;
      }
      if (start.isPresent() && !now.get().info().startInstant().equals(start)) {
        return false; // the PID was reused by another process
      }
      return !zombie(pid);
    }
  }

  /** What one kill left behind. */
  private record Outcome(int children, int aliveAtPromise, long lastGoneMillis) {}

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return false; // gone, or not Linux: isAlive() said enough
    }
  }

  private static Process startDriver(String moment, String then) throws IOException {
    List<String> command = List.of(
        WorkerCommand.javaExecutable(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), OrphanDriver.class.getName(), moment, then);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the driver's output until its "pids" line, and goes on draining it. */
  private static List<Long> awaitPids(Process driver) throws Exception {
    CompletableFuture<List<Long>> pids = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("pids ")) {
            pids.complete(Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList());
          } else {
            synchronized (seen) {
              seen.append(line).append('\n');
            }
          }
        }
      } catch (IOException e) {
        pids.completeExceptionally(e);
      }
      pids.completeExceptionally(new AssertionError("the driver ended without reporting its workers:\n" + seen));
    }, "orphan-driver-output");
    reader.setDaemon(true);
    reader.start();
    return pids.get(120, TimeUnit.SECONDS);
  }

  /**
   * Starts the driver, lets it report its workers at {@code moment}, ends it with {@code end}, and
   * counts the workers still alive {@link #PROMISE} after that.
   */
  private static Outcome run(String moment, String then, java.util.function.Consumer<Process> end) throws Exception {
    Process driver = startDriver(moment, then);
    List<Child> children = new ArrayList<>();
    try {
      for (long pid : awaitPids(driver)) {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("worker " + pid + " is not running"));
        if (then.equals("wait")) {
          assertThat(handle.parent().map(ProcessHandle::pid)).as("worker %d is a child of the app", pid).contains(driver.pid());
        }
        children.add(new Child(pid, handle.info().startInstant()));
      }
      assertThat(children).hasSize(OrphanDriver.WORKERS);

      long ended = System.nanoTime();
      end.accept(driver);
      assertThat(driver.waitFor(60, TimeUnit.SECONDS)).as("the driver ended").isTrue();
      long promise = ended + PROMISE.toNanos();
      while (System.nanoTime() < promise && children.stream().anyMatch(Child::alive)) {
        Thread.sleep(5);
      }
      long lastGone = System.nanoTime();
      int aliveAtPromise = (int) children.stream().filter(Child::alive).count();
      // how long the stragglers take, if any: they must still go by themselves
      Await.until(Duration.ofSeconds(60), () -> children.stream().noneMatch(Child::alive), "every worker ended by itself");
      if (aliveAtPromise > 0) {
        lastGone = System.nanoTime();
      }
      return new Outcome(children.size(), aliveAtPromise, TimeUnit.NANOSECONDS.toMillis(lastGone - ended));
    } finally {
      driver.destroyForcibly();
      for (Child child : children) {
        if (child.alive()) {
          ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
  }

  private static void report(String what, List<Outcome> outcomes) {
    int runs = outcomes.size();
    long runsWithOrphans = outcomes.stream().filter(o -> o.aliveAtPromise() > 0).count();
    int children = outcomes.stream().mapToInt(Outcome::children).sum();
    int orphans = outcomes.stream().mapToInt(Outcome::aliveAtPromise).sum();
    long slowest = outcomes.stream().mapToLong(Outcome::lastGoneMillis).max().orElse(0);
    System.out.printf("orphans, %s: %d/%d runs left a child alive 1 s later (%d/%d children); the last child was gone %d ms after, at worst%n",
        what, runsWithOrphans, runs, orphans, children, slowest);
  }

  @Test
  void noWorkerOutlivesTheAppKilledWithSigkillMidRun() throws Exception {
    int repetitions = Effort.count("orphan.repetitions", 10, 50);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      outcomes.add(run("busy", "wait", Process::destroyForcibly));
    }
    report("SIGKILL mid-run", outcomes);
    assertThat(outcomes).extracting(Outcome::aliveAtPromise).containsOnly(0);
  }

  @Test
  void noWorkerOutlivesTheAppKilledWhileItsWorkersStillStart() throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < Effort.count("orphan.startingRepetitions", 3, 10); i++) {
      outcomes.add(run("starting", "wait", Process::destroyForcibly));
    }
    report("SIGKILL while the workers start", outcomes);
    assertThat(outcomes).extracting(Outcome::aliveAtPromise).containsOnly(0);
  }

  @Test
  void noWorkerOutlivesTheAppEndedWithSigtermOrExitingMidRun() throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(run("busy", "wait", Process::destroy));
    outcomes.add(run("busy", "exit", driver -> {}));
    report("SIGTERM, and System.exit mid-run", outcomes);
    assertThat(outcomes).extracting(Outcome::aliveAtPromise).containsOnly(0);
  }
}
