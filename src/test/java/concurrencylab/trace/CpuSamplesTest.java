package concurrencylab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuSamplesTest {
  @Test
  void theCpuTimeBetweenTwoTimesIsReadOffTheReadingsAroundThem() {
    CpuSamples samples = new CpuSamples();
    samples.add(0, 1_000);
    samples.add(100, 1_000); // not running from 0 to 100
    samples.add(200, 101_000); // running all of 100 to 200
    assertThat(samples.between(0, 100)).isZero();
    assertThat(samples.between(100, 200)).isEqualTo(100_000);
    assertThat(samples.between(50, 150)).as("half of the running span").isEqualTo(50_000);
    assertThat(samples.between(150, 150)).isZero();
  }

  @Test
  void timesTheReadingsDoNotCoverAreNotGuessed() {
    CpuSamples samples = new CpuSamples();
    assertThat(samples.between(0, 10)).isEqualTo(-1);
    samples.add(10, 5);
    samples.add(20, 9);
    samples.add(15, 100); // out of order: left out
    assertThat(samples.size()).isEqualTo(2);
    assertThat(samples.between(5, 20)).isEqualTo(-1);
    assertThat(samples.between(10, 25)).isEqualTo(-1);
    assertThat(samples.between(20, 10)).isEqualTo(-1);
    assertThat(samples.between(10, 20)).isEqualTo(4);
  }
}
