package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.runtime.Await;
import concurrencylab.runtime.TempFolders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4 for Python: no process of a Python run is alive 1 s after the app is killed with
 * SIGKILL, with fork grandchildren busy in loops and a Pool whose workers spin (a zombie has
 * exited and is not counted). The folders the killed app had made are removed by the next app.
 */
class PythonOrphanTest {
  @Test
  void noPythonProcessOutlivesTheAppKilledWithSigkill() throws Exception {
    PythonRun.Options options = PythonRuns.options();
    int runs = concurrencylab.Effort.count("python.orphan.repetitions", 3, 20);
    int left = 0;
    int seen = 0;
    long slowest = 0;
    for (int i = 0; i < runs; i++) {
      Path scriptFolder = Files.createTempDirectory("python-orphan-");
      Process driver = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m",
          "-cp", System.getProperty("java.class.path"), PythonOrphanDriver.class.getName(), options.python().toString(),
          scriptFolder.toString())
          .redirectErrorStream(true).start();
      List<Long> pids;
      try {
        pids = awaitPids(driver);
        assertThat(pids).hasSizeGreaterThanOrEqualTo(8);
        assertThat(pids).allMatch(Processes::alive);
        long killed = System.nanoTime();
        driver.destroyForcibly();
        assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long promise = killed + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < promise && pids.stream().anyMatch(Processes::alive)) {
          Thread.sleep(5);
        }
        left += (int) pids.stream().filter(Processes::alive).count();
        seen += pids.size();
        slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        Await.until(Duration.ofSeconds(30), () -> pids.stream().noneMatch(Processes::alive), "every Python process ended");
        assertThat(foldersOf(driver.pid())).as("the killed app's folders, named after it").isNotEmpty();
        TempFolders.removeLeftovers(TempFolders.root());
        assertThat(foldersOf(driver.pid())).as("the killed app's folders, once another app has made one of its own").isEmpty();
      } finally {
        driver.destroyForcibly();
        TempFolders.delete(scriptFolder);
      }
    }
    System.out.printf("python orphans after SIGKILL of the app: %d of %d processes alive 1 s later over %d runs; all gone within %d ms%n",
        left, seen, runs, slowest);
    assertThat(left).isZero();
  }

  private static List<String> foldersOf(long pid) throws java.io.IOException {
    try (var entries = Files.list(TempFolders.root())) {
      return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("concurrencylab-" + pid + "-")).toList();
    }
  }

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
            seen.append(line).append('\n');
          }
        }
      } catch (java.io.IOException e) {
        pids.completeExceptionally(e);
      }
      pids.completeExceptionally(new AssertionError("the driver ended without its pids:\n" + seen));
    }, "python-orphan-driver");
    reader.setDaemon(true);
    reader.start();
    return pids.get(120, TimeUnit.SECONDS);
  }
}
