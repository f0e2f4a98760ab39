package concurrencylab.lesson.thread;

import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The work of both thread lessons: each thread "fetches" its own list of URLs, sleeping a seeded
 * random time after each, and says so. The Thread tab hands it to a thread as its target; the
 * Thread-subclass tab calls it from an overridden {@code run()}.
 */
public final class UrlFetch {
  private final IntParameter threads = new IntParameter("threads", 1, 8, 2);
  private final IntParameter urls = new IntParameter("urls", 1, 10, 3);
  private final IntParameter maxSleepMillis = new IntParameter("maxSleepMillis", 0, 3000, 1000);
  private final SeedParameter seed = new SeedParameter(11);

  /** What one thread will do: its URLs and how long it sleeps after each. */
  public record Plan(String threadName, List<String> urls, long[] sleepsMillis) {}

  public List<LessonParameter> parameters() {
    return List.of(threads, urls, maxSleepMillis, seed);
  }

  public IntParameter threads() {
    return threads;
  }

  public IntParameter urls() {
    return urls;
  }

  public IntParameter maxSleepMillis() {
    return maxSleepMillis;
  }

  public SeedParameter seed() {
    return seed;
  }

  /** The plans of all threads, drawn from the seed so that a run can be repeated exactly. */
  public List<Plan> plans() {
    Random random = new Random(seed.get());
    List<Plan> plans = new ArrayList<>();
    for (int t = 1; t <= threads.get(); t++) {
      List<String> list = new ArrayList<>();
      long[] sleeps = new long[urls.get()];
      for (int u = 1; u <= urls.get(); u++) {
        list.add("url_" + t + "_" + u);
        sleeps[u - 1] = random.nextInt(maxSleepMillis.get() + 1);
      }
      plans.add(new Plan("Thread-" + t, list, sleeps));
    }
    return plans;
  }

  /** How a lesson starts the thread that carries out one plan. */
  @FunctionalInterface
  public interface ThreadStarter {
    Thread start(Plan plan);
  }

  /**
   * The main thread's part, the same in both thread lessons: say it runs, start one thread per
   * plan the lesson's way, join them all, say it ended.
   */
  public Outcome runAll(RunScope scope, ThreadStarter starter) throws InterruptedException {
    // snippet:main:start
    TracedLane main = scope.main();
    main.print(Thread.currentThread().getName() + " is running...");
    List<Thread> threads = new ArrayList<>();
    for (Plan plan : plans()) {
      threads.add(starter.start(plan));
    }
    main.joinAll(threads);
    main.print(Thread.currentThread().getName() + " ended.");
    // snippet:main:end
    return Outcome.of("outcome.thread", threads.size());
  }

  /** What each thread runs, on its own lane. */
  public static void fetch(TracedLane lane, Plan plan) throws InterruptedException {
    // snippet:fetch:start
    String name = Thread.currentThread().getName();
    lane.print("Current " + name + " is running...");
    for (int i = 0; i < plan.urls().size(); i++) {
      lane.print(name + " ---->>> " + plan.urls().get(i));
      lane.sleep(plan.sleepsMillis()[i]);
    }
    lane.print(name + " ended.");
    // snippet:fetch:end
  }
}
