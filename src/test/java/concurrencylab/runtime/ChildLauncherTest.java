package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child the app started ends with the app even when it never reads its stdin (a worker's JVM
 * still booting on a busy machine), and not before: the thread that asked for it may end first.
 */
class ChildLauncherTest {
  @Test
  void aChildThatNeverReadsItsStdinEndsWithinASecondOfTheAppsSigkillButOutlivesTheThreadThatStartedIt() throws Exception {
    assumeTrue(ChildLauncher.killedWithTheApp(), "no " + ChildLauncher.SETPRIV + ": the kernel cannot tie a child to the app here");
    Process app = new ProcessBuilder(WorkerCommand.javaExecutable(), "-XX:TieredStopAtLevel=1", "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), ChildLauncherDriver.class.getName()).redirectErrorStream(true).start();
    long[] started = {-1};
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the app's report").startsWith("pid ");
      long child = Long.parseLong(line.substring(4));
      started[0] = child;
      ProcessHandle handle = ProcessHandle.of(child).orElseThrow(() -> new AssertionError("the child is not running"));
      assertThat(handle.parent().map(ProcessHandle::pid)).as("a child of the app").contains(app.pid());
      assertThat(handle.info().command().map(c -> Path.of(c).getFileName().toString())).as("the child's own program").contains("sleep");
      assertThat(running(child)).as("alive after the thread that started it ended").isTrue();

      long killed = System.nanoTime();
      app.destroyForcibly();
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Await.until(Duration.ofSeconds(1).minusNanos(System.nanoTime() - killed), () -> !running(child), "the child ended within a second of the app");
    } finally {
      app.destroyForcibly();
      ProcessHandle.of(started[0]).ifPresent(ProcessHandle::destroyForcibly); // when the test failed
    }
  }

  /** Stop interrupts a run's thread, maybe while it starts a child: the child is still handed over, to be ended. */
  @Test
  void anInterruptedStartStillHandsTheChildOver() throws Exception {
    Thread.currentThread().interrupt();
    Process child = ChildLauncher.start(new ProcessBuilder("sleep", "600"));
    try {
      assertThat(Thread.interrupted()).as("the interrupt kept for the caller").isTrue();
      assertThat(running(child.pid())).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private static boolean running(long pid) {
    return concurrencylab.runtime.python.Processes.alive(pid);
  }
}
