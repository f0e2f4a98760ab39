package concurrencylab;

import concurrencylab.cli.LabCommand;
import concurrencylab.runtime.WorkerMain;
import concurrencylab.ui.app.LabApp;
import concurrencylab.ui.app.LaunchOptions;
import concurrencylab.ui.app.LogFile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The plain launcher: a worker process ({@code --worker}), or the command line of {@link
 * LabCommand} (the window, its tour, {@code record}, {@code bench}). It is not an {@code
 * Application} subclass so that the jar starts from the class path, and a worker loads neither
 * JavaFX nor the command-line parser. It is the one place that ends the JVM, with the status the
 * command returned.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(WorkerMain.MODE)) {
      WorkerMain.main(args);
      return;
    }
    System.exit(LabCommand.run(List.of(args), System.out, System.err, Main::openWindow));
  }

  private static int openWindow(LaunchOptions options, PrintStream out, PrintStream err)
      throws IOException {
    LogFile.useStandardPlaceIfAsked().ifPresent(err::println); // before any logger exists
    // slf4j-simple's set-up (its date format) is done beside JavaFX's start, not before it; a logger
    // asked for meanwhile is slf4j's stand-in, which hands over to the real one when it is ready
    Thread logging = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "log-setup");
    logging.setDaemon(true);
    logging.start();
    return LabApp.launchWith(options, out, err);
  }
}
