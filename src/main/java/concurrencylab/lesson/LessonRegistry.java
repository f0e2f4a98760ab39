package concurrencylab.lesson;

import concurrencylab.lesson.fork.ForkLesson;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.lesson.progress.ProgressLesson;
import concurrencylab.lesson.thread.ThreadLesson;
import concurrencylab.lesson.threadsubclass.ThreadSubclassLesson;
import java.util.List;

/** The one place that lists the lessons, in tab order. Adding a tab is adding a line here. */
public final class LessonRegistry {
  private LessonRegistry() {}

  public static List<Lesson> createAll() {
    return List.of(
        new ForkLesson(),
        new ProcessLesson(),
        new PoolLesson(),
        new ThreadLesson(),
        new ThreadSubclassLesson(),
        new LockLesson(),
        new ProgressLesson());
  }
}
