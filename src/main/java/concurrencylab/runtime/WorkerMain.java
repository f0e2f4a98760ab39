package concurrencylab.runtime;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The app relaunched in worker mode: reads tasks from stdin, runs them one at a time, and reports
 * over stdout in the {@link LineProtocol}. It exits as soon as stdin reaches end of file, even in
 * the middle of a task: that is how a killed app leaves no orphans behind.
 */
public final class WorkerMain {
  public static final String MODE = "--worker";
  static final String TASK_PACKAGE_PREFIX = "concurrencylab.";

  private final long origin;
  private final PrintStream protocolOut;
  private final long pid = ownPid();
  private final LinePrinter printer = new LinePrinter();

  private WorkerMain(long origin, PrintStream protocolOut) {
    this.origin = origin;
    this.protocolOut = protocolOut;
  }

  /** Arguments: {@code --worker ORIGIN_NANOS}. */
  public static void main(String[] args) throws IOException {
    long origin = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
    PrintStream raw =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    WorkerMain worker = new WorkerMain(origin, raw);
    worker.serve();
  }

  /**
   * This process's id, on Linux from {@code /proc/self}: the first use of {@link ProcessHandle}
   * runs lambdas, and so sets up the JDK's method-handle machinery (several ms of CPU), which READY
   * should not wait for.
   */
  static long ownPid() {
    try {
      return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
    } catch (IOException | NumberFormatException e) {
      return ProcessHandle.current().pid();
    }
  }

  private long now() {
    return System.nanoTime() - origin;
  }

  private void send(String line) {
    synchronized (protocolOut) {
      protocolOut.print(line);
      protocolOut.print('\n');
      protocolOut.flush();
    }
  }

  private void serve() throws IOException {
    System.setOut(new PrintStream(printer, true, StandardCharsets.UTF_8));
    send(LineProtocol.ready(now(), pid));
    ExecutorService runner = Executors.newSingleThreadExecutor(new TaskThreads());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      LineProtocol.Message message = LineProtocol.parse(line);
      if (message != null && message.verb() == LineProtocol.Verb.RUN) {
        runner.execute(() -> runTask(message.number(), LineProtocol.runArguments(message.text())));
      }
    }
    finishLine();
    // The app is gone or done with us. A process that a task started would outlive us (and the
    // app) as an orphan, so it goes too.
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    Runtime.getRuntime().halt(0);
  }

  private void finishLine() {
    System.out.flush();
    printer.finishLine();
  }

  private void runTask(long task, List<String> classAndArgs) {
    send(LineProtocol.begin(now(), task));
    send(LineProtocol.state(now(), "RUNNING"));
    Class<? extends WorkerTask> type;
    try {
      type = taskClass(classAndArgs.get(0));
    } catch (RefusedTaskException e) {
      send(LineProtocol.fail(now(), task, e.getMessage()));
      send(LineProtocol.state(now(), "WAITING"));
      return;
    }
    try {
      WorkerTask body = type.getDeclaredConstructor().newInstance();
      body.run(classAndArgs.subList(1, classAndArgs.size()), new Context());
      finishLine();
      send(LineProtocol.end(now(), task));
    } catch (Exception | Error e) {
      finishLine();
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
      send(LineProtocol.fail(now(), task, cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }
    send(LineProtocol.state(now(), "WAITING"));
  }

  /**
   * The class a run line names, when it is one of this app's tasks. Whatever reaches the worker's
   * stdin is run as code, so only our own {@link WorkerTask}s are accepted, and the class is
   * looked at without initialising it: a refused class must not get to run its static initialiser.
   */
  static Class<? extends WorkerTask> taskClass(String name) throws RefusedTaskException {
    if (!name.startsWith(TASK_PACKAGE_PREFIX)) {
      throw new RefusedTaskException("refused task class " + name + ": not in a " + TASK_PACKAGE_PREFIX + "* package");
    }
    Class<?> type;
    try {
      type = Class.forName(name, false, WorkerMain.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new RefusedTaskException("refused task class " + name + ": no such class");
    }
    if (!WorkerTask.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new RefusedTaskException("refused task class " + name + ": not a " + WorkerTask.class.getSimpleName());
    }
    return type.asSubclass(WorkerTask.class);
  }

  /** A run line that names a class this worker will not run; its message is the reply's text. */
  static final class RefusedTaskException extends Exception {
    RefusedTaskException(String message) {
      super(message, null, false, false);
    }
  }

  private final class Context implements WorkerContext {
    @Override
    public long pid() {
      return pid;
    }

    @Override
    public long parentPid() {
      return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    @Override
    public void mark(String label) {
      System.out.flush();
      printer.finishLine();
      send(LineProtocol.mark(now(), label));
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      send(LineProtocol.state(now(), "SLEEPING"));
      Thread.sleep(millis);
      send(LineProtocol.state(now(), "RUNNING"));
    }
  }

  /**
   * Makes the daemon thread that runs the tasks. A class rather than a lambda: the first lambda of
   * a JVM sets up the JDK's method-handle machinery, several ms of CPU that would slow the other
   * workers starting beside this one.
   */
  private static final class TaskThreads implements ThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "worker-task");
      thread.setDaemon(true);
      return thread;
    }
  }

  /** Turns each line a task prints into a timestamped {@code print} message. */
  private final class LinePrinter extends OutputStream {
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        send(LineProtocol.print(now(), pending.toString(StandardCharsets.UTF_8)));
        pending.reset();
      } else {
        pending.write(b);
      }
    }

    /** Sends what was printed without a final newline, so that nothing printed is lost. */
    synchronized void finishLine() {
      if (pending.size() > 0) {
        write('\n');
      }
    }
  }
}
