package concurrencylab.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
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

  /** Not a task, and says so on stdout if it is ever initialised: a worker must not initialise it. */
  public static final class NotATask {
    static {
      System.out.println("NotATask initialised");
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

  /**
   * Prints "seq 0" … "seq N-1" (N is the first argument). With "mixed" as the second argument every
   * odd line bypasses the protocol and goes to the raw stdout as plain text, so both paths carry
   * the one sequence.
   */
  public static final class PrintNumbered implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws IOException {
      int count = Integer.parseInt(args.get(0));
      boolean mixed = args.size() > 1 && args.get(1).equals("mixed");
      FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
      for (int i = 0; i < count; i++) {
        if (mixed && i % 2 == 1) {
          raw.write(("seq " + i + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
          System.out.println("seq " + i);
        }
      }
    }
  }

  /**
   * Writes N lines (the first argument) to stderr in one go and ends its JVM at once with status 0,
   * so the lines are still on their way to the parent when the process is already gone.
   */
  public static final class StderrLines implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws IOException {
      int count = Integer.parseInt(args.get(0));
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < count; i++) {
        lines.append("err ").append(i).append('\n');
      }
      FileOutputStream raw = new FileOutputStream(FileDescriptor.err);
      raw.write(lines.toString().getBytes(StandardCharsets.UTF_8));
      raw.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  /** Writes the bytes given in hex as the first argument to the raw stdout, unframed. */
  public static final class RawBytes implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws IOException {
      FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
      raw.write(HexFormat.of().parseHex(args.get(0)));
      raw.flush();
    }
  }

  /**
   * Starts a process of its own (the command is the arguments, as an array), prints its PID and
   * then waits forever, as a task that shells out to a tool might.
   */
  public static final class StartGrandchild implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws Exception {
      Process grandchild = new ProcessBuilder(args).start();
      System.out.println("grandchild " + grandchild.pid());
      context.sleep(600_000);
    }
  }

  /** Fails with an Error, not an Exception: "oom" runs the worker out of heap, else it overflows its stack. */
  public static final class ThrowError implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) {
      if (args.get(0).equals("oom")) {
        List<long[]> hog = new java.util.ArrayList<>();
        while (true) {
          hog.add(new long[1 << 20]);
        }
      }
      recurse(0);
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  /** Prints each argument as the hex of its UTF-8 bytes, so that any text arrives on one line, checkably. */
  public static final class EchoHex implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) {
      for (String arg : args) {
        System.out.println("hex " + HexFormat.of().formatHex(arg.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }
}
