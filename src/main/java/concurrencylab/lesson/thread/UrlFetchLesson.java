package concurrencylab.lesson.thread;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import java.util.List;

/**
 * The two Thread tabs: the same {@link UrlFetch} work and controls, handed to threads two ways
 * (a target function, or a subclass that overrides run()). A run pauses at the threads' steps.
 */
public abstract class UrlFetchLesson implements Lesson {
  private final UrlFetch work = new UrlFetch();

  @Override
  public final boolean canPause() {
    return true;
  }

  @Override
  public final List<LessonParameter> parameters() {
    return work.parameters();
  }

  public final UrlFetch work() {
    return work;
  }
}
