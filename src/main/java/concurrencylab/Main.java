package concurrencylab;

import concurrencylab.bench.BenchCommand;
import concurrencylab.record.RecordCommand;
import concurrencylab.runtime.WorkerMain;
import java.util.Arrays;

/**
 * The plain launcher: the app's window, a worker process ({@code --worker}), the headless recorder
 * ({@code record <lesson> … --out FILE}), or the tour of every tab ({@code --tour DIR}). It is not
 * an {@code Application} subclass so that the jar starts from the class path, and a worker never
 * loads JavaFX.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(WorkerMain.MODE)) {
      WorkerMain.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals(RecordCommand.NAME)) {
      System.exit(RecordCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals(BenchCommand.NAME)) {
      System.exit(BenchCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
    }
    concurrencylab.ui.LogFile.useStandardPlaceIfAsked(); // before any logger exists
    concurrencylab.ui.LabApp.launchWith(Arrays.asList(args));
  }
}
