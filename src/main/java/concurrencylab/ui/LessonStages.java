package concurrencylab.ui;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.lesson.progress.ProgressLesson;

/** Builds the view a lesson asks for with {@link Lesson#stage()}. */
final class LessonStages {
  private LessonStages() {}

  /** Also hands the FX thread to a lesson that works on it, before any of its runs. */
  static LessonStage create(Lesson lesson, I18n i18n) {
    FxUiThread.handTo(lesson);
    return switch (lesson.stage()) {
      case NONE -> null;
      case FORK_DIAGRAM -> new ForkDiagram(i18n);
      case LOCK_STAGE -> new LockStage((LockLesson) lesson, i18n);
      case PROGRESS -> new ProgressView((ProgressLesson) lesson, i18n);
    };
  }
}
