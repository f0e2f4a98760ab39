package concurrencylab.lesson;

import concurrencylab.runtime.Await;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What this JVM holds that a run could leak: live threads, open file descriptors (Linux, from
 * /proc/self/fd; -1 elsewhere), child processes, and the heap after a full GC.
 *
 * <p>The JDK keeps the threads that reap child processes ("process reaper") in a cached pool for a
 * while after the processes ended; they are the JDK's and bounded by the processes that ran at
 * once, so {@link #newThreads} leaves them out and reports them apart.
 */
record Resources(Set<Thread> threads, int fds, long children, long heapAfterGc) {
  private static final Path FDS = Path.of("/proc/self/fd");

  static Resources now() {
    Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
    threads.addAll(Thread.getAllStackTraces().keySet());
    threads.removeIf(t -> !t.isAlive());
    return new Resources(threads, openFds(), liveChildren(), -1);
  }

  /** Like {@link #now()}, with the heap measured after full collections. */
  static Resources nowAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    Resources now = now();
    return new Resources(now.threads, now.fds, now.children, used);
  }

  static int openFds() {
    return fdTargets().size() - (Files.isDirectory(FDS) ? 1 : 0); // less the listing's own descriptor
  }

  /** What each open file descriptor points to, to tell what a leaked one is. */
  static List<String> fdTargets() {
    if (!Files.isDirectory(FDS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(FDS)) {
      return entries.map(fd -> {
        try {
          return fd.getFileName() + " -> " + Files.readSymbolicLink(fd);
        } catch (IOException e) {
          return fd.getFileName() + " -> (closed)";
        }
      }).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static long liveChildren() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
  }

  static boolean isJdkProcessReaper(Thread thread) {
    return thread.getName().startsWith("process reaper");
  }

  /** Live threads that were not there in {@code baseline}, but for the JDK's process reapers. */
  List<Thread> newThreads(Resources baseline) {
    return threads.stream().filter(t -> !baseline.threads.contains(t) && !isJdkProcessReaper(t)).toList();
  }

  long processReapers() {
    return threads.stream().filter(Resources::isJdkProcessReaper).count();
  }

  /** Whether nothing beyond {@code baseline} is held: no new thread, no extra fd, no child. */
  boolean backTo(Resources baseline) {
    return newThreads(baseline).isEmpty() && fds <= baseline.fds && children <= baseline.children;
  }

  /**
   * Waits up to a minute for what the runs held to be let go as their threads finish (not for a
   * fixed time); the state it settled at, or an AssertionError naming what is still held beyond
   * {@code baseline} (new threads, new fds by target).
   */
  static Resources awaitBackTo(Resources baseline, List<String> baselineFds) throws InterruptedException {
    AtomicReference<Resources> settled = new AtomicReference<>();
    try {
      Await.until(Duration.ofSeconds(60), () -> {
        settled.set(now());
        return settled.get().backTo(baseline);
      }, "threads, fds and children are back to the baseline");
    } catch (AssertionError e) {
      Resources now = now();
      List<String> newFds = fdTargets().stream().filter(fd -> !baselineFds.contains(fd)).toList();
      throw new AssertionError(e.getMessage() + "\n  before: " + baseline.describe() + "\n  after:  " + now.describe()
          + "\n  new threads: " + now.newThreads(baseline) + "\n  new fds: " + newFds);
    }
    return settled.get();
  }

  String describe() {
    return String.format("%d threads (%d of them the JDK's process reapers), %d open fds, %d child processes%s",
        threads.size(), processReapers(), fds, children, heapAfterGc < 0 ? "" : String.format(", heap after GC %,d KiB", heapAfterGc >> 10));
  }
}
