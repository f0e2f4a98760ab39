package concurrencylab.bench;

import java.util.Locale;

/**
 * One measured figure as the bench prints it: {@code name value unit}, then {@code PASS} or
 * {@code FAIL} with the target when the figure has one.
 *
 * @param target the limit, or {@link Double#NaN} when the figure is reported without a target
 * @param higherIsBetter true when the target is a minimum (throughput), false when a maximum
 */
public record Figure(String name, double value, String unit, double target, boolean higherIsBetter) {
  public static Figure of(String name, double value, String unit) {
    return new Figure(name, value, unit, Double.NaN, false);
  }

  public static Figure atMost(String name, double value, String unit, double limit) {
    return new Figure(name, value, unit, limit, false);
  }

  public static Figure atLeast(String name, double value, String unit, double limit) {
    return new Figure(name, value, unit, limit, true);
  }

  /**
   * A ratio of two figures measured side by side, {@code numerator ÷ denominator}, at most {@code
   * limit}; NaN (and so FAIL) when the denominator is not a positive number.
   */
  public static Figure ratioAtMost(String name, double numerator, double denominator, double limit) {
    return atMost(name, denominator > 0 ? numerator / denominator : Double.NaN, "x", limit);
  }

  public boolean hasTarget() {
    return !Double.isNaN(target);
  }

  public boolean passes() {
    return !hasTarget() || (higherIsBetter ? value >= target : value <= target);
  }

  /** The printed line, e.g. {@code frame_cost_1m_fit_median 3.21 ms PASS (target <= 8 ms)}. */
  public String line() {
    String text = name + " " + number(value) + " " + unit;
    if (!hasTarget()) {
      return text;
    }
    return text + (passes() ? " PASS" : " FAIL") + " (target " + (higherIsBetter ? ">= " : "<= ") + number(target) + " " + unit + ")";
  }

  /** A count as the figure names write it: 10k, 100k, 1m, 10m. */
  static String label(long count) {
    if (count >= 1_000_000 && count % 1_000_000 == 0) {
      return count / 1_000_000 + "m";
    }
    if (count >= 1_000 && count % 1_000 == 0) {
      return count / 1_000 + "k";
    }
    return Long.toString(count);
  }

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "NaN";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
  }
}
