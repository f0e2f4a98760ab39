package concurrencylab.lesson.progress;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.progress.ProgressLesson.Where;
import concurrencylab.lesson.progress.ProgressLesson.Work;
import concurrencylab.ui.text.I18n;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * When the window lags while the background jobs only wait, the verdict says what the UI thread
 * measurably did during its longest frame: worked through most of it (the window's own work), or
 * was not running for most of it; with no measurement of that, only the load is given.
 */
class ProgressVerdictTest {
  private static final long MS = 1_000_000;

  private static Outcome waiting(long gapMillis, long cpuMillis) {
    return ProgressLesson.verdict(10, gapMillis * MS, cpuMillis < 0 ? -1 : cpuMillis * MS, Where.BACKGROUND, Work.WAIT, 2, "outcome.progress.");
  }

  @Test
  void aLongFrameTheUiThreadWorkedThroughIsTheWindowsOwnWork() {
    Outcome verdict = waiting(300, 240);

    assertThat(verdict.messageKey()).isEqualTo("outcome.progress.background.laggedOwnWork");
    assertThat(verdict.args()).isEqualTo(List.of(300L, ProgressLesson.FRAME_LIMIT_MILLIS, 2, 240L));
    assertThat(new I18n(Locale.ENGLISH).get(verdict.messageKey(), verdict.args().toArray()))
        .endsWith("the UI thread itself was working for 240 ms of that frame (the window's own layout and drawing).");
  }

  @Test
  void aLongFrameTheUiThreadHardlyRanIsTimeItWasNotRunning() {
    Outcome verdict = waiting(300, 20);

    assertThat(verdict.messageKey()).isEqualTo("outcome.progress.background.laggedNotRunning");
    assertThat(verdict.args().subList(0, 4)).isEqualTo(List.of(300L, ProgressLesson.FRAME_LIMIT_MILLIS, 2, 20L));
    assertThat(new I18n(Locale.SIMPLIFIED_CHINESE).get(verdict.messageKey(), verdict.args().toArray()))
        .contains("UI 线程只运行了 20 毫秒");
  }

  @Test
  void unmeasuredCpuLeavesOnlyTheLoadAndAShortFrameIsSmooth() {
    assertThat(waiting(300, -1).messageKey()).isEqualTo("outcome.progress.background.laggedWaiting");
    assertThat(waiting(80, 70).messageKey()).isEqualTo("outcome.progress.background.smooth");
  }
}
