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
    return waiting(gapMillis, cpuMillis, -1);
  }

  private static Outcome waiting(long gapMillis, long cpuMillis, long rendererMillis) {
    ProgressLesson.GapCpu cpu = new ProgressLesson.GapCpu(cpuMillis < 0 ? -1 : cpuMillis * MS, rendererMillis < 0 ? -1 : rendererMillis * MS);
    return ProgressLesson.verdict(10, gapMillis * MS, cpu, Where.BACKGROUND, Work.WAIT, 2, "outcome.progress.");
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
  void aLongFrameTheRendererDrewThroughWhileTheUiThreadWaitedSaysSo() {
    Outcome verdict = waiting(300, 20, 210);

    assertThat(verdict.messageKey()).isEqualTo("outcome.progress.background.laggedRendering");
    assertThat(verdict.args()).isEqualTo(List.of(300L, ProgressLesson.FRAME_LIMIT_MILLIS, 2, 20L, 210L));
    assertThat(new I18n(Locale.ENGLISH).get(verdict.messageKey(), verdict.args().toArray()))
        .endsWith("the UI thread ran for only 20 ms of that frame, while JavaFX's renderer thread was drawing the window for 210 ms of it.");
    assertThat(new I18n(Locale.SIMPLIFIED_CHINESE).get(verdict.messageKey(), verdict.args().toArray())).contains("渲染线程用了其中 210 毫秒");
    assertThat(waiting(300, 20, 90).messageKey()).as("the renderer drew for less than half of it").isEqualTo("outcome.progress.background.laggedNotRunning");
  }

  @Test
  void theRenderersThreadIsFoundOnceTheToolkitRuns() throws Exception {
    concurrencylab.ui.app.HeadlessFxForTests.start();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long id = concurrencylab.ui.app.HeadlessFx.call(() -> UiThreadRecorder.rendererThreadId(threads));
    assertThat(id).as("JavaFX's renderer thread, measured on this JVM").isPositive();
    assertThat(threads.getThreadInfo(id).getThreadName()).startsWith("QuantumRenderer");
    assertThat(threads.getThreadCpuTime(id)).isNotNegative();
  }

  @Test
  void unmeasuredCpuLeavesOnlyTheLoadAndAShortFrameIsSmooth() {
    assertThat(waiting(300, -1).messageKey()).isEqualTo("outcome.progress.background.laggedWaiting");
    assertThat(waiting(80, 70).messageKey()).isEqualTo("outcome.progress.background.smooth");
  }
}
