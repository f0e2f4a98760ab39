package concurrencylab.lesson.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The task that raises is one of the run's tasks or none: never a number past them, which would raise nothing. */
class PoolLessonTest {
  @Test
  void theFailingTaskStaysAmongTheTasks() {
    PoolLesson lesson = new PoolLesson();
    lesson.tasks().set(5);
    lesson.failingTask().set(34);
    assertThat(lesson.failingTask().get()).as("past the last of 5 tasks").isEqualTo(4);

    lesson.tasks().set(10);
    lesson.failingTask().set(7);
    lesson.tasks().set(3);
    assertThat(lesson.failingTask().get()).as("fewer tasks than the failing one's number").isEqualTo(2);

    lesson.failingTask().set(-1);
    lesson.tasks().set(1);
    assertThat(lesson.failingTask().get()).as("none stays none").isEqualTo(-1);
  }
}
