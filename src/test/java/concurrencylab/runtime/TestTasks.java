package concurrencylab.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Worker tasks that misbehave on purpose, run inside real worker processes by the tests. */
final class TestTasks {
  private TestTasks() {}

  /** Exits the worker JVM with the status given as the first argument. */
  public static final class ExitWith implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) {
      System.out.println("about to exit with " + args.get(0));
      System.exit(Integer.parseInt(args.get(0)));
    }
  }

  /** Sleeps far longer than any test waits. */
  public static final class SleepLong implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws InterruptedException {
      System.out.println("sleeping");
      context.sleep(600_000);
    }
  }

  /** Writes raw bytes past the protocol: invalid UTF-8, a NUL, a 1 MiB line, then a normal line. */
  public static final class Garbage implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws IOException {
      FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
      raw.write(new byte[] {'b', 'a', 'd', (byte) 0xFF, (byte) 0xC3, 0, '\n'});
      byte[] huge = new byte[1024 * 1024];
      Arrays.fill(huge, (byte) 'y');
      raw.write(huge);
      raw.write('\n');
      raw.flush();
      System.err.println("a line on stderr");
      System.out.println("still talking");
    }
  }

  /** Prints each argument on a line of its own, exactly as received. */
  public static final class Echo implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) {
      args.forEach(System.out::println);
    }
  }

  /** Throws, as a task of the pool may. */
  public static final class Throw implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) {
      throw new IllegalArgumentException("thrown on purpose");
    }
  }
}
