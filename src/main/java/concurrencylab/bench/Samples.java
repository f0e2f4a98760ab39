package concurrencylab.bench;

import java.util.Arrays;

/** Measurements of one figure, kept to report their median and high percentiles. */
final class Samples {
  private double[] values = new double[64];
  private int count;

  void add(double value) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
  }

  int count() {
    return count;
  }

  double median() {
    return percentile(50);
  }

  /** The nearest-rank percentile: the smallest value that {@code p} % of the samples do not exceed. */
  double percentile(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
  }
}
