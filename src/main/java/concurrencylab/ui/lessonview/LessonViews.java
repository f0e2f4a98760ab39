package concurrencylab.ui.lessonview;

import concurrencylab.ui.text.I18n;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.fork.ForkLesson;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.lesson.progress.ProgressLesson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The views lessons show above their timeline (the fork diagram, the lock stage, the progress
 * jobs), registered by lesson id: the one place the UI names a lesson's own class. A lesson without
 * an entry gets no view; adding a lesson with a view is one line here.
 */
public final class LessonViews {
  /** Makes the view of one lesson. */
  @FunctionalInterface
  public interface Factory<L extends Lesson> {
    public LessonStage create(L lesson, I18n i18n);
  }

  private record Entry<L extends Lesson>(Class<L> type, Factory<L> factory) {
    public LessonStage create(Lesson lesson, I18n i18n) {
      return factory.create(type.cast(lesson), i18n);
    }
  }

  private final Map<String, Entry<?>> entries = new LinkedHashMap<>();

  /** The app's own lessons' views. */
  public static LessonViews standard() {
    return new LessonViews()
        .with("fork", ForkLesson.class, (lesson, i18n) -> new ForkDiagram(i18n))
        .with("lock", LockLesson.class, LockStage::new)
        .with("progress", ProgressLesson.class, ProgressView::new);
  }

  /** These views and one more, for the lesson of this id and class. */
  public <L extends Lesson> LessonViews with(String lessonId, Class<L> type, Factory<L> factory) {
    entries.put(lessonId, new Entry<>(type, factory));
    return this;
  }

  /** The lesson's view, or null when it has none; a lesson that works on the FX thread is handed it first. */
  public LessonStage create(Lesson lesson, I18n i18n) {
    FxUiThread.handTo(lesson);
    Entry<?> entry = entries.get(lesson.id());
    return entry == null ? null : entry.create(lesson, i18n);
  }
}
