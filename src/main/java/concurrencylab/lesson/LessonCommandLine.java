package concurrencylab.lesson;

import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.trace.RunInfo;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A lesson's parameters as command-line text, both ways: {@code --tasks 6}, {@code --sleepSeconds
 * 0-0.5}, {@code --join ALL}, {@code --failingTask none}, {@code --seed 3}. The headless recorder
 * reads them; the window writes the command that repeats the run on screen ("copy as command
 * line"). It works on any lesson through {@link LessonParameter}, so a new lesson needs nothing
 * here.
 */
public final class LessonCommandLine {
  /** How the README starts the app, used when the app does not run from its jar. */
  public static final String DEFAULT_JAR = "target/concurrency-lab.jar";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");
  private static final String NUMBER = "(-?[0-9]*\\.?[0-9]+)";
  private static final Pattern RANGE = Pattern.compile("\\s*" + NUMBER + "\\s*(?:-|\\.\\.)\\s*" + NUMBER + "\\s*");
  private static final Pattern SINGLE = Pattern.compile("\\s*" + NUMBER + "\\s*");

  private LessonCommandLine() {}

  /**
   * The shell command that records the lesson again with its current parameters (seed included),
   * for example {@code java -jar target/concurrency-lab.jar record pool --processes 3 --tasks 5
   * --sleepSeconds 0-3 --failingTask none --seed 7 --out pool.json}.
   */
  public static String recordCommand(Lesson lesson, String outFile) {
    List<String> words = new ArrayList<>(installedLauncher().map(List::of).orElseGet(() -> List.of("java", "-jar", jarPath())));
    words.addAll(recordArguments(lesson, outFile));
    return words.stream().map(LessonCommandLine::shellQuote).collect(Collectors.joining(" "));
  }

  /** The command that records a run again as it was recorded, writing {@code <lesson id>.json}. */
  public static String recordCommand(RunInfo run) {
    List<String> words = new ArrayList<>(installedLauncher().map(List::of).orElseGet(() -> List.of("java", "-jar", jarPath())));
    words.addAll(List.of("record", run.lessonId()));
    if (run.lessonId().equals(ScriptLesson.ID)) { // record script FILE.py --arg=A … --cwd DIR [--stepMillis MS]
      run.value(ScriptLesson.FILE).ifPresent(words::add);
      run.values(ScriptLesson.ARG).forEach(arg -> words.add("--arg=" + arg)); // "=": an argument may start with "-"
      run.value(ScriptLesson.WORKING_FOLDER).ifPresent(folder -> words.addAll(List.of("--cwd", folder)));
      run.value(ScriptLesson.STEP_MILLIS).ifPresent(step -> words.addAll(List.of("--" + ScriptLesson.STEP_MILLIS, step)));
    } else {
      words.addAll(run.arguments());
    }
    words.addAll(List.of("--out", run.lessonId() + ".json"));
    return words.stream().map(LessonCommandLine::shellQuote).collect(Collectors.joining(" "));
  }

  /** The launcher followed by {@code arguments} (those after it, starting with {@code record}), quoted for a shell. */
  public static String commandLine(List<String> arguments) {
    List<String> words = new ArrayList<>(installedLauncher().map(List::of).orElseGet(() -> List.of("java", "-jar", jarPath())));
    words.addAll(arguments);
    return words.stream().map(LessonCommandLine::shellQuote).collect(Collectors.joining(" "));
  }

  /** {@link #recordCommand(Lesson, String)} writing {@code <lesson id>.json}. */
  public static String recordCommand(Lesson lesson) {
    return recordCommand(lesson, lesson.id() + ".json");
  }

  /** The arguments after {@code java -jar …}: {@code record <lesson> --param value … --out FILE}. */
  public static List<String> recordArguments(Lesson lesson, String outFile) {
    List<String> args = new ArrayList<>(List.of("record", lesson.id()));
    args.addAll(parameterArguments(lesson));
    args.add("--out");
    args.add(outFile);
    return args;
  }

  /** {@code --key value} for each parameter, in the lesson's order (a Java run's without the Python-only ones). */
  public static List<String> parameterArguments(Lesson lesson) {
    List<String> args = new ArrayList<>();
    for (LessonParameter parameter : lesson.parameters()) {
      if (parameter.pythonOnly() && !(lesson instanceof PythonLesson)) {
        continue;
      }
      args.add("--" + parameter.key());
      args.add(format(parameter));
    }
    return args;
  }

  public static Optional<LessonParameter> parameter(Lesson lesson, String key) {
    return lesson.parameters().stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /** The current value as the command line writes it; {@link #set} reads it back. */
  public static String format(LessonParameter parameter) {
    if (parameter instanceof IntParameter p) {
      return p.get() == p.noneValue() ? "none" : Integer.toString(p.get());
    }
    if (parameter instanceof RangeParameter p) {
      return number(p.low().get()) + "-" + number(p.high().get());
    }
    if (parameter instanceof ChoiceParameter<?> p) {
      return p.get().name();
    }
    if (parameter instanceof SeedParameter p) {
      return Long.toString(p.get());
    }
    throw new IllegalStateException("no command-line form for " + parameter);
  }

  /**
   * Sets a parameter from its command-line text.
   *
   * @throws IllegalArgumentException with a message for the person who typed it, when the text is
   *     not a value of the parameter or lies outside its range
   */
  public static void set(LessonParameter parameter, String text) {
    String option = "--" + parameter.key();
    if (parameter instanceof IntParameter p) {
      boolean hasNone = p.noneValue() >= p.min() && p.noneValue() <= p.max();
      if (hasNone && text.trim().equalsIgnoreCase("none")) {
        p.value().set(p.noneValue());
        return;
      }
      int value;
      try {
        value = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes " + describe(p) + ", not '" + text + "'");
      }
      if (value < p.min() || value > p.max()) {
        throw new IllegalArgumentException(option + " takes " + describe(p) + ", not " + value);
      }
      p.value().set(value);
    } else if (parameter instanceof RangeParameter p) {
      setRange(p, text, option);
    } else if (parameter instanceof ChoiceParameter<?> p) {
      setChoice(p, text, option);
    } else if (parameter instanceof SeedParameter p) {
      try {
        p.value().set(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes " + describe(p) + ", not '" + text + "'");
      }
    } else {
      throw new IllegalStateException("no command-line form for " + parameter);
    }
  }

  /** What a parameter takes, for messages and help: "a whole number from 1 to 8", … */
  public static String describe(LessonParameter parameter) {
    if (parameter instanceof IntParameter p) {
      String range = "a whole number from " + p.min() + " to " + p.max();
      boolean hasNone = p.noneValue() >= p.min() && p.noneValue() <= p.max();
      return hasNone ? range + ", or none (" + p.noneValue() + ")" : range;
    }
    if (parameter instanceof RangeParameter p) {
      return "a range LOW-HIGH of seconds between " + number(p.min()) + " and " + number(p.max()) + " (a single number means LOW = HIGH)";
    }
    if (parameter instanceof ChoiceParameter<?> p) {
      return "one of " + p.options().stream().map(Enum::name).collect(Collectors.joining(", "));
    }
    if (parameter instanceof SeedParameter) {
      return "a whole number";
    }
    throw new IllegalStateException("no command-line form for " + parameter);
  }

  /** The placeholder of a parameter's value in a usage line: N, LOW-HIGH, LAST_ONLY|ALL. */
  public static String placeholder(LessonParameter parameter) {
    if (parameter instanceof IntParameter p) {
      boolean hasNone = p.noneValue() >= p.min() && p.noneValue() <= p.max();
      return hasNone ? "N|none" : "N";
    }
    if (parameter instanceof RangeParameter) {
      return "LOW-HIGH";
    }
    if (parameter instanceof ChoiceParameter<?> p) {
      return p.options().stream().map(Enum::name).collect(Collectors.joining("|"));
    }
    return "N";
  }

  private static void setRange(RangeParameter p, String text, String option) {
    double low;
    double high;
    Matcher range = RANGE.matcher(text);
    Matcher single = SINGLE.matcher(text);
    if (range.matches()) {
      low = Double.parseDouble(range.group(1));
      high = Double.parseDouble(range.group(2));
    } else if (single.matches()) {
      low = Double.parseDouble(single.group(1));
      high = low;
    } else {
      throw new IllegalArgumentException(option + " takes " + describe(p) + ", for example 0-0.5; not '" + text + "'");
    }
    if (low > high) {
      throw new IllegalArgumentException(option + ": the low end " + number(low) + " is above the high end " + number(high));
    }
    if (low < p.min() || high > p.max()) {
      throw new IllegalArgumentException(option + " takes " + describe(p) + ", not " + text.trim());
    }
    p.low().set(low);
    p.high().set(high);
  }

  private static <E extends Enum<E>> void setChoice(ChoiceParameter<E> p, String text, String option) {
    String wanted = text.trim().replace('-', '_');
    for (E choice : p.options()) {
      if (choice.name().equalsIgnoreCase(wanted)) {
        p.value().set(choice);
        return;
      }
    }
    throw new IllegalArgumentException(option + " takes " + describe(p) + ", not '" + text + "'");
  }

  /** 3 → "3", 0.5 → "0.5": the shortest text that reads back as the same double. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A word as a POSIX shell reads it back unchanged. */
  static String shellQuote(String word) {
    return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * The installed app's own launcher, when this app runs from an installer's copy: jpackage's
   * launcher names itself in {@code jpackage.app-path}, and such a copy has no {@code java} command
   * on the PATH nor a jar to give it.
   */
  static Optional<String> installedLauncher() {
    return Optional.ofNullable(System.getProperty("jpackage.app-path")).filter(path -> !path.isBlank());
  }

  /** How help texts start the app: the installed launcher, else the README's {@code java -jar …}. */
  public static String launcherForHelp() {
    return installedLauncher().map(LessonCommandLine::shellQuote).orElse("java -jar " + DEFAULT_JAR);
  }

  /** The running jar, relative to the working folder when it lies inside it; else the README's. */
  static String jarPath() {
    try {
      var source = LessonCommandLine.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        Path location = Path.of(source.getLocation().toURI());
        if (Files.isRegularFile(location) && location.toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
          Path here = Path.of("").toAbsolutePath();
          return location.startsWith(here) ? here.relativize(location).toString() : location.toString();
        }
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // fall through: the README's path is right for anyone who built with Maven
    }
    return DEFAULT_JAR;
  }
}
