package concurrencylab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the app's child processes so that they end with the app, even one still booting. A
 * worker ends itself when its stdin closes, but only once its JVM has booted far enough to read
 * it: on a busy machine that took over a second after the app was killed. On Linux each child is
 * therefore started through util-linux's {@code setpriv --pdeathsig KILL}, and the kernel kills it
 * the moment its parent dies. The kernel's "parent" is the thread that started the child, so every
 * start happens on one thread of the app's that lives as long as the app.
 */
public final class ChildLauncher {
  static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final boolean KILLED_WITH_THE_APP = Files.isExecutable(SETPRIV);
  private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "child-launcher");
    thread.setDaemon(true);
    return thread;
  });

  private ChildLauncher() {}

  /** Whether children are killed by the kernel when the app dies (Linux with setpriv). */
  public static boolean killedWithTheApp() {
    return KILLED_WITH_THE_APP;
  }

  /** The command as started: behind setpriv where the kernel can tie the child's life to the app's. */
  static List<String> tiedToTheApp(List<String> command) {
    if (!KILLED_WITH_THE_APP) {
      return command;
    }
    List<String> tied = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    tied.addAll(command);
    return tied;
  }

  /**
   * Starts {@code builder}'s command, tied to the app, on the launcher's thread. Like {@link
   * ProcessBuilder#start} it is not interrupted: a child started for a caller that gave up waiting
   * would be a process nobody ends. An interrupt is kept for the caller to see.
   */
  public static Process start(ProcessBuilder builder) throws IOException {
    builder.command(tiedToTheApp(builder.command()));
    Future<Process> started = STARTER.submit(builder::start);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return started.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("could not start " + builder.command().get(0), e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
