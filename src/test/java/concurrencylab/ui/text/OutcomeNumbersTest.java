package concurrencylab.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A verdict about one thing says it in the singular ("1 tasks on 1 worker processes" was seen with the sliders at their minimum). */
class OutcomeNumbersTest {
  private final I18n english = new I18n(Locale.ENGLISH);

  @Test
  void oneIsSingularAndMoreArePlural() {
    assertThat(english.get("outcome.pool", 1, 1, 7.45, 0)).isEqualTo("One task on one worker process took 7.45 s; none raised an exception.");
    assertThat(english.get("outcome.pool", 50, 8, 2.15, 1)).isEqualTo("50 tasks on 8 worker processes took 2.15 s; one raised an exception.");
    assertThat(english.get("outcome.thread", 1)).isEqualTo("One thread fetched its URLs; the log shows how its lines came.");
    assertThat(english.get("outcome.thread", 8)).isEqualTo("8 threads fetched their URLs; the log shows how their lines interleaved.");
    assertThat(english.get("outcome.lock", 10, 9, 1)).isEqualTo("Expected 10, the counter is 9: one update lost.");
    assertThat(english.get("outcome.lock", 8000, 1270, 6730)).isEqualTo("Expected 8,000, the counter is 1,270: 6,730 updates lost.");
    assertThat(english.get("outcome.lock", 40, 40, 0)).endsWith(": no update lost.");
  }

  @Test
  void chineseHasNoPluralsButTheSameNumbers() {
    I18n chinese = new I18n(Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.get("outcome.lock", 10, 9, 1)).contains("丢失了 1 次更新");
    assertThat(chinese.get("outcome.pool", 1, 1, 7.45, 0)).contains("1 个工作进程完成 1 个任务");
  }
}
