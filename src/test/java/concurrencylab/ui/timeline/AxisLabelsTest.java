package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The axis's times carry no more decimals than their step ("0.500 ms" read as five hundred). */
class AxisLabelsTest {
  @Test
  void eachStepHasTheDecimalsItNeedsAndNoMore() {
    assertThat(AxisPainter.formatTime(3_500_000L, 500_000L)).isEqualTo("3.5 ms");
    assertThat(AxisPainter.formatTime(1_000_000L, 500_000L)).isEqualTo("1.0 ms");
    assertThat(AxisPainter.formatTime(40_000L, 20_000L)).isEqualTo("0.04 ms");
    assertThat(AxisPainter.formatTime(5_000L, 5_000L)).isEqualTo("5 µs");
    assertThat(AxisPainter.formatTime(20_000_000L, 10_000_000L)).isEqualTo("20 ms");
    assertThat(AxisPainter.formatTime(1_500_000_000L, 500_000_000L)).isEqualTo("1.5 s");
  }
}
