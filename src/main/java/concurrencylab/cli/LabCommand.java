package concurrencylab.cli;

import concurrencylab.bench.BenchCommand;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.record.RecordCommand;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.app.LaunchOptions;
import concurrencylab.ui.look.Theme;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The app's command line: {@code record …} and {@code bench …} go to their commands; anything
 * else is the window's options ({@code --tour DIR}, {@code --only TAB}, {@code --theme},
 * {@code --present SCALE}, {@code --language}), read and checked here, before JavaFX starts, so
 * that a typing mistake is one line on stderr and exit status 2 rather than a window that fails.
 */
@Command(name = "concurrency-lab", sortOptions = false)
public final class LabCommand {
  public static final int OK = 0;
  public static final int USAGE = 2;
  static final String PROGRAM = "concurrency-lab";

  /** Opens the window (or the tour) with checked options; returns the exit status. */
  @FunctionalInterface
  public interface Window {
    int open(LaunchOptions options, PrintStream out, PrintStream err) throws Exception;
  }

  @Option(names = "--tour", paramLabel = "DIR", description = "run every tab's default lesson and write DIR/<tab-id>.png")
  private Path tour;

  @Option(names = "--only", paramLabel = "TAB", description = "with --tour: only this tab (${COMPLETION-CANDIDATES})", completionCandidates = LessonIds.class)
  private String only;

  @Option(names = "--scenario", paramLabel = "NAME", description = "with --tour: 'tabs' (one shot per tab, the default) or 'lecture' (the hard cases: sliders at their ends, mid-run, paused, code focus, presentation sizes, zh-CN, dark, high contrast)")
  private String scenario;

  @Option(names = "--theme", paramLabel = "THEME", description = "light, dark or high_contrast")
  private String theme;

  @Option(names = "--present", paramLabel = "SCALE", description = "presentation mode at this scale, 1.0 to 2.5")
  private String present;

  @Option(names = "--language", paramLabel = "LANG", description = "en or zh-CN")
  private String language;

  @Option(names = FIRST_FRAME_PROBE, hidden = true)
  private boolean firstFrameProbe;

  @Option(names = {"--help", "-h"}, usageHelp = true, description = "this text")
  private boolean help;

  /** The start-up benchmark's flag: print the time of the first frame, then end. */
  public static final String FIRST_FRAME_PROBE = "--first-frame-and-exit";

  private CommandLine cli;

  private LabCommand() {}

  /** Runs the whole command line; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err, Window window) throws Exception {
    if (!args.isEmpty() && args.get(0).equals(RecordCommand.NAME)) {
      return RecordCommand.run(args.subList(1, args.size()), out, err);
    }
    if (!args.isEmpty() && args.get(0).equals(BenchCommand.NAME)) {
      return BenchCommand.run(args.subList(1, args.size()), out, err);
    }
    // the usual start has nothing to parse: picocli's classes are Java 5 class files, which the
    // class-data archive cannot hold and the old verifier checks slowly, so they are not loaded for it
    if (args.isEmpty() || args.equals(List.of(FIRST_FRAME_PROBE))) {
      return window.open(new LaunchOptions(null, null, null, null, null, !args.isEmpty()), out, err);
    }
    LabCommand command = new LabCommand();
    CommandLine cli = new CommandLine(command);
    command.cli = cli;
    LaunchOptions options;
    try {
      ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
      if (parsed.isUsageHelpRequested()) {
        out.print(cli.getUsageMessage());
        out.println();
        out.println("Also: " + RecordCommand.NAME + " --help (record a lesson with no window), " + BenchCommand.NAME + " [--quick].");
        return OK;
      }
      options = command.options();
    } catch (ParameterException e) {
      err.println(PROGRAM + ": " + e.getMessage() + " (see --help)");
      return USAGE;
    }
    return window.open(options, out, err);
  }

  /** The options, checked; a {@link ParameterException} says what is wrong with one. */
  private LaunchOptions options() {
    if (only != null && tour == null) {
      throw bad("--only " + only + " needs --tour DIR: only a tour visits one tab");
    }
    if (only != null && !lessonIds().contains(only)) {
      throw bad("--only takes a tab: one of " + String.join(", ", lessonIds()) + "; not '" + only + "'");
    }
    boolean lecture = false;
    if (scenario != null) {
      if (tour == null) {
        throw bad("--scenario " + scenario + " needs --tour DIR");
      }
      lecture = switch (scenario.toLowerCase(java.util.Locale.ROOT)) {
        case "lecture" -> true;
        case "tabs" -> false;
        default -> throw bad("--scenario takes tabs or lecture; not '" + scenario + "'");
      };
    }
    return new LaunchOptions(tour, only, theme(), scale(), locale(), firstFrameProbe, lecture);
  }

  private Theme theme() {
    if (theme == null) {
      return null;
    }
    String wanted = theme.trim().replace('-', '_');
    return Arrays.stream(Theme.values())
        .filter(t -> t.name().equalsIgnoreCase(wanted))
        .findFirst()
        .orElseThrow(() -> bad("--theme takes " + themeNames() + ", not '" + theme + "'"));
  }

  private static String themeNames() {
    return Arrays.stream(Theme.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }

  private Double scale() {
    if (present == null) {
      return null;
    }
    String range = "a scale from " + LaunchOptions.MIN_SCALE + " to " + LaunchOptions.MAX_SCALE;
    double value;
    try {
      value = Double.parseDouble(present.trim());
    } catch (NumberFormatException e) {
      throw bad("--present takes " + range + ", not '" + present + "'");
    }
    if (!(value >= LaunchOptions.MIN_SCALE && value <= LaunchOptions.MAX_SCALE)) {
      throw bad("--present takes " + range + ", not " + present.trim());
    }
    return value;
  }

  private Locale locale() {
    if (language == null) {
      return null;
    }
    String wanted = language.trim().replace('_', '-');
    return I18n.LANGUAGES.stream()
        .filter(l -> l.toLanguageTag().equalsIgnoreCase(wanted))
        .findFirst()
        .orElseThrow(() -> bad("--language takes " + I18n.LANGUAGES.stream().map(Locale::toLanguageTag).collect(Collectors.joining(" or ")) + ", not '" + language + "'"));
  }

  private ParameterException bad(String message) {
    return new ParameterException(cli, message);
  }

  static List<String> lessonIds() {
    return LessonRegistry.createAll().stream().map(Lesson::id).toList();
  }

  /** The tabs, for the help of {@code --only}. */
  static final class LessonIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return lessonIds().iterator();
    }
  }
}
