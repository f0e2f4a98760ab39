package concurrencylab.runtime;

import java.io.IOException;

/**
 * The app in {@link ChildLauncherTest}: starts a child that never looks at its stdin (as a JVM
 * still booting does not), from a thread that ends at once, prints the child's PID and waits to
 * be killed.
 */
public final class ChildLauncherDriver {
  private ChildLauncherDriver() {}

  public static void main(String[] args) throws Exception {
    long[] pid = new long[1];
    Thread starter = new Thread(() -> {
      try {
        pid[0] = ChildLauncher.start(new ProcessBuilder("sleep", "600")).pid();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, "a thread of a run that ends");
    starter.start();
    starter.join();
    System.out.println("pid " + pid[0]);
    System.out.flush();
    Thread.sleep(600_000);
  }
}
