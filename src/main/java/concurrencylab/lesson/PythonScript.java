package concurrencylab.lesson;

import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.trace.RunInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lesson's Python script with the run's parameters on top: one {@code NAME = value} line per
 * control ({@code CHILDREN = 16}, {@code SLEEP_SECONDS = (0, 3)}, {@code JOIN = "last_only"},
 * {@code FAILING_TASK = None}), placed after the script's opening comment. The rest of the script
 * is written against those names, so what the panel shows is a script that runs as shown.
 */
public final class PythonScript {
  private PythonScript() {}

  public static String withParameters(Lesson lesson, RunInfo run, String script) {
    List<String> block = new ArrayList<>();
    for (LessonParameter parameter : lesson.parameters()) {
      String value = run.value(parameter.key()).orElseGet(() -> LessonCommandLine.format(parameter));
      block.add(name(parameter.key()) + " = " + literal(parameter, value));
    }
    if (block.isEmpty()) {
      return script;
    }
    List<String> lines = new ArrayList<>(script.lines().toList());
    int at = 0;
    while (at < lines.size() && lines.get(at).startsWith("#")) {
      at++;
    }
    block.add("");
    lines.addAll(at, block);
    return String.join("\n", lines) + "\n";
  }

  /** {@code maxSleepMillis} → {@code MAX_SLEEP_MILLIS}. */
  public static String name(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** The command-line text of a value as a Python literal. */
  static String literal(LessonParameter parameter, String value) {
    if (parameter instanceof IntParameter && value.equals("none")) {
      return "None";
    }
    if (parameter instanceof RangeParameter) {
      String[] ends = value.split("-", 2);
      return "(" + ends[0] + ", " + (ends.length > 1 ? ends[1] : ends[0]) + ")";
    }
    if (parameter instanceof ChoiceParameter<?>) {
      return "\"" + value.toLowerCase(Locale.ROOT) + "\"";
    }
    return value;
  }
}
