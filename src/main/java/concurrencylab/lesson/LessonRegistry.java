package concurrencylab.lesson;

import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.lesson.process.ProcessLesson;
import java.util.List;

/** The one place that lists the lessons, in tab order. Adding a tab is adding a line here. */
public final class LessonRegistry {
  private LessonRegistry() {}

  public static List<Lesson> createAll() {
    return List.of(new ProcessLesson(), new PoolLesson());
  }
}
