package concurrencylab.record;

import concurrencylab.export.ChromeTraceWriter;
import concurrencylab.export.CsvWriter;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.PythonLesson;
import concurrencylab.lesson.RunFacts;
import concurrencylab.lesson.ScriptLesson;
import concurrencylab.runtime.python.PythonFinder;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.ui.lessonview.FxUiThread;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.tab.RunExports;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.timeline.TimelineImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.scene.image.Image;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code record <lesson> [--param value …] [--seed N] --out FILE.json|.csv|.png}: runs a lesson
 * with no window (JavaFX runs headless, for lessons that use its thread and for the PNG), streams
 * what its processes and threads print, and writes the recorded run as
 * Chrome Trace JSON, CSV, or a PNG of its timeline at twice the pixels. Any lesson of the registry
 * works, with its parameters as options (see {@link LessonCommandLine}).
 *
 * <p>Exit status: 0 when the run completed and the file was written, 1 when the run failed or timed
 * out (what was recorded is written all the same) or the file could not be written, 2 for bad
 * arguments, with a message saying what was wrong.
 */
public final class RecordCommand {
  public static final String NAME = "record";
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  static final double DEFAULT_WIDTH = 1600;
  static final long DEFAULT_TIMEOUT_SECONDS = 600;
  private static final String USAGE_LINE =
      LessonCommandLine.launcherForHelp() + " record <lesson> [--param value …] [--seed N] [--language java|python] --out FILE.json|.csv|.png\n"
          + "       " + LessonCommandLine.launcherForHelp() + " record script FILE.py [--arg A …] [--cwd DIR] [--stepMillis MS] --out FILE.json|.csv|.png";

  /** The export formats, chosen by the file's extension. */
  enum Format {
    JSON,
    CSV,
    PNG
  }

  /** What to record: a lesson with its parameters set, and where and how to write it. */
  record Request(Lesson lesson, Path out, Format format, double width, double height, long timeoutSeconds, boolean quiet) {}

  /** Bad arguments: the message says what was wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** A request for help rather than a run; {@code lesson} is null for the overall help. */
  static final class HelpRequested extends Exception {
    final transient Lesson lesson;

    HelpRequested(Lesson lesson) {
      super("help", null, false, false);
      this.lesson = lesson;
    }
  }

  private final List<Lesson> lessons;
  private final PrintStream out;
  private final PrintStream err;
  private final I18n i18n = new I18n(Locale.ENGLISH);

  RecordCommand(List<Lesson> lessons, PrintStream out, PrintStream err) {
    this.lessons = lessons;
    this.out = out;
    this.err = err;
  }

  /** Runs the command on the arguments after {@code record}; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return new RecordCommand(LessonRegistry.createAll(), out, err).run(args);
  }

  int run(List<String> args) {
    Request request;
    try {
      request = parse(args);
    } catch (HelpRequested help) {
      out.print(help.lesson == null ? help() : lessonHelp(help.lesson));
      return OK;
    } catch (UsageException e) {
      err.println("record: " + e.getMessage());
      err.println("usage: " + USAGE_LINE);
      err.println("Run 'record --help' for the lessons and their parameters.");
      return USAGE;
    }
    return record(request);
  }

  /**
   * Reads the arguments after {@code record} and sets the lesson's parameters from them. The
   * command line is picocli's: {@code record} with one subcommand per lesson, whose options are
   * made from the lesson's {@link LessonParameter}s, so that a new lesson needs nothing here.
   */
  Request parse(List<String> args) throws UsageException, HelpRequested {
    // "help" as a word, anywhere, has always asked for help, as --help and -h do
    List<String> words = args.stream().map(arg -> arg.equals("help") ? "--help" : arg).toList();
    Map<String, Lesson> byCommand = new LinkedHashMap<>();
    CommandLine cli = commandLine(byCommand);
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(words.toArray(String[]::new));
    } catch (ParameterException e) {
      Lesson lesson = byCommand.get(e.getCommandLine().getCommandName());
      if (words.contains("--help") || words.contains("-h")) {
        throw new HelpRequested(lesson);
      }
      throw new UsageException(message(e, lesson));
    }
    if (parsed.isUsageHelpRequested()) {
      throw new HelpRequested(null);
    }
    ParseResult chosen = parsed.subcommand();
    if (chosen == null) {
      throw new UsageException("which lesson? Give one of: " + lessonIds());
    }
    Lesson lesson = byCommand.get(chosen.commandSpec().name());
    if (chosen.isUsageHelpRequested()) {
      throw new HelpRequested(lesson);
    }
    if (lesson == null) { // record script FILE.py
      Path script = chosen.matchedPositionalValue(0, null);
      if (script == null) {
        throw new UsageException("which script? Give record script FILE.py --out FILE.json");
      }
      if (!java.nio.file.Files.isRegularFile(script)) {
        throw new UsageException("no script file " + script);
      }
      Path folder = chosen.matchedOptionValue("--cwd", ScriptLesson.folderOf(script));
      if (!java.nio.file.Files.isDirectory(folder)) {
        throw new UsageException("--cwd " + folder + ": no such folder");
      }
      String source;
      try {
        source = ScriptLesson.read(script);
      } catch (java.io.UncheckedIOException e) {
        throw new UsageException("could not read " + script + ": " + e.getCause().getMessage());
      }
      long step = chosen.matchedOptionValue("--stepMillis", 0L);
      lesson = new ScriptLesson(script, source, chosen.matchedOptionValue("--arg", List.of()), folder, python(chosen).withStepMillis(step));
    } else if (chosen.matchedOptionValue("--language", "java").equals("python")) {
      Optional<String> problem = PythonLesson.headlessProblem(lesson);
      if (problem.isPresent()) {
        throw new UsageException("--language python: " + problem.get());
      }
      lesson = PythonLesson.of(lesson, python(chosen));
    }
    Path outFile = chosen.matchedOptionValue("--out", null);
    if (outFile == null) {
      throw new UsageException("where to? Add --out FILE.json, FILE.csv or FILE.png");
    }
    return new Request(
        lesson,
        outFile,
        format(outFile),
        chosen.matchedOptionValue("--width", DEFAULT_WIDTH),
        chosen.matchedOptionValue("--height", Double.NaN),
        chosen.matchedOptionValue("--timeout", DEFAULT_TIMEOUT_SECONDS),
        chosen.matchedOptionValue("--quiet", false));
  }

  /** The interpreter asked for with --python, else the one on PATH; bad arguments when there is none. */
  private static PythonRun.Options python(ParseResult chosen) throws UsageException {
    Path chosenPython = chosen.matchedOptionValue("--python", null);
    PythonFinder.Result found = PythonFinder.find(Optional.ofNullable(chosenPython));
    if (found instanceof PythonFinder.NotFound none) {
      throw new UsageException("no Python " + PythonFinder.MIN_MAJOR + "." + PythonFinder.MIN_MINOR + " or newer to run it: " + none.reason());
    }
    return new PythonRun.Options(((PythonFinder.Found) found).executable(), PythonRun.DEFAULT_MAX_PROCESSES);
  }

  /** The options every recording takes, lesson or script. */
  private static void addRecorderOptions(CommandSpec command) {
    command.addOption(OptionSpec.builder("--out").paramLabel("FILE").type(Path.class).build());
    command.addOption(
        OptionSpec.builder("--width").paramLabel("PX").type(double.class).converters(text -> number("--width", text, 400, 8000)).build());
    command.addOption(
        OptionSpec.builder("--height").paramLabel("PX").type(double.class).converters(text -> number("--height", text, 100, 8000)).build());
    command.addOption(
        OptionSpec.builder("--timeout")
            .paramLabel("S")
            .type(long.class)
            .converters(text -> (long) number("--timeout", text, 1, 86_400))
            .build());
    command.addOption(OptionSpec.builder("--quiet").arity("0").type(boolean.class).build());
    command.addOption(OptionSpec.builder("--python").paramLabel("PATH").type(Path.class).build());
    command.addOption(helpOption());
  }

  /**
   * {@code record} and a subcommand per lesson. Parsing a lesson's option sets its parameter:
   * these are this command's own lessons, made for this one run.
   */
  private CommandLine commandLine(Map<String, Lesson> byCommand) {
    CommandSpec record = CommandSpec.create().name(NAME);
    record.addOption(helpOption());
    for (Lesson lesson : lessons) {
      CommandSpec command = CommandSpec.create().name(lesson.id());
      for (LessonParameter parameter : lesson.parameters()) {
        command.addOption(
            OptionSpec.builder("--" + parameter.key())
                .paramLabel(LessonCommandLine.placeholder(parameter))
                .type(String.class)
                .converters(text -> {
                  try {
                    LessonCommandLine.set(parameter, text);
                  } catch (IllegalArgumentException e) {
                    throw new BadValue(e.getMessage());
                  }
                  return text;
                })
                .build());
      }
      command.addOption(OptionSpec.builder("--language").paramLabel("java|python").type(String.class).converters(text -> {
        String language = text.trim().toLowerCase(Locale.ROOT);
        if (!language.equals("java") && !language.equals("python")) {
          throw new BadValue("--language takes java or python, not '" + text + "'");
        }
        return language;
      }).build());
      addRecorderOptions(command);
      record.addSubcommand(lesson.id(), command);
      byCommand.put(lesson.id(), lesson);
    }
    CommandSpec script = CommandSpec.create().name(ScriptLesson.ID);
    script.addPositional(PositionalParamSpec.builder().index("0").paramLabel("FILE.py").type(Path.class).build());
    script.addOption(OptionSpec.builder("--arg").paramLabel("A").type(List.class).auxiliaryTypes(String.class).build());
    script.addOption(OptionSpec.builder("--cwd").paramLabel("DIR").type(Path.class).build());
    script.addOption(OptionSpec.builder("--" + ScriptLesson.STEP_MILLIS)
        .paramLabel("MS")
        .type(long.class)
        .converters(text -> (long) number("--" + ScriptLesson.STEP_MILLIS, text, 0, ScriptLesson.MAX_STEP_MILLIS))
        .build());
    addRecorderOptions(script);
    record.addSubcommand(ScriptLesson.ID, script);
    CommandLine cli = new CommandLine(record);
    cli.setSubcommandsCaseInsensitive(true);
    cli.setOverwrittenOptionsAllowed(true); // the last --tasks wins, as when a lecturer retypes one
    return cli;
  }

  private static OptionSpec helpOption() {
    return OptionSpec.builder("--help", "-h").usageHelp(true).arity("0").build();
  }

  /** A value that is not one an option takes; its message is shown as it is. */
  private static final class BadValue extends CommandLine.TypeConversionException {
    BadValue(String message) {
      super(message);
    }
  }

  /** What was wrong, in the words the recorder has always used. */
  private String message(ParameterException e, Lesson lesson) {
    if (e.getCause() instanceof BadValue bad) {
      return bad.getMessage();
    }
    if (e instanceof MissingParameterException missing && missing.getMissing().get(0) instanceof OptionSpec option) {
      return option.longestName() + " needs a value";
    }
    if (e instanceof MaxValuesExceededException && e.getArgSpec() instanceof OptionSpec option && option.arity().max() == 0) {
      return option.longestName() + " takes no value";
    }
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      if (lesson == null) {
        return first.startsWith("-")
            ? "the lesson comes first, before " + first + "; lessons: " + lessonIds()
            : "no lesson '" + first + "'; lessons: " + lessonIds();
      }
      if (first.startsWith("-")) {
        String name = first.replaceFirst("^-+", "").replaceFirst("=.*", "");
        return "lesson " + lesson.id() + " has no parameter --" + name + "; it has " + parameterNames(lesson)
            + " (and the recorder's --out, --width, --height, --timeout, --quiet)";
      }
      return "unexpected '" + first + "': options look like --name value";
    }
    return e.getMessage();
  }

  private static double number(String option, String text, double min, double max) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new BadValue(option + " takes a number, not '" + text + "'");
    }
    if (!(value >= min && value <= max)) {
      throw new BadValue(option + " takes a number from " + (long) min + " to " + (long) max + ", not " + text.trim());
    }
    return value;
  }

  private static Format format(Path file) throws UsageException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Format.JSON;
    }
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    if (name.endsWith(".png")) {
      return Format.PNG;
    }
    throw new UsageException("--out " + file + ": the file name must end in .json (Chrome Trace, for Perfetto), .csv or .png");
  }

  private String lessonIds() {
    return lessons.stream().map(Lesson::id).collect(Collectors.joining(", "));
  }

  private static String parameterNames(Lesson lesson) {
    return lesson.parameters().stream().map(p -> "--" + p.key()).collect(Collectors.joining(", "));
  }

  /** Runs the lesson, then writes the export; returns the exit status. */
  int record(Request request) {
    Lesson lesson = request.lesson();
    String command = commandText(lesson, request.out().toString());
    if (!request.quiet()) {
      out.println("recording: " + command);
    }
    startJavaFx();
    FxUiThread.handTo(lesson);
    long started = System.nanoTime();
    LessonRun run = LessonRun.start(lesson);
    Trace trace = run.trace();
    long deadline = started + TimeUnit.SECONDS.toNanos(request.timeoutSeconds());
    boolean timedOut = false;
    LessonRun.Result result = null;
    while (result == null) {
      echo(trace, trace.sync(), request.quiet());
      try {
        result = run.done().get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (!timedOut && System.nanoTime() > deadline) {
          timedOut = true;
          err.println("record: the run took longer than " + request.timeoutSeconds() + " s; stopping it");
          run.stop();
        }
      } catch (InterruptedException e) {
        run.stop();
        Thread.currentThread().interrupt();
        err.println("record: interrupted");
        return FAILED;
      } catch (ExecutionException e) {
        err.println("record: the run ended abnormally: " + e.getCause());
        return FAILED;
      }
    }
    echo(trace, trace.sync(), request.quiet());
    result = run.afterDrain(result);
    double seconds = (System.nanoTime() - started) / 1e9;
    String summary = summary(lesson, result, timedOut);
    try {
      write(request, trace, about(trace, command, summary));
    } catch (IOException | RuntimeException e) {
      err.println("record: could not write " + request.out() + ": " + e.getMessage());
      return FAILED;
    }
    (result.status() == LessonRun.Status.COMPLETED ? out : err)
        .printf(
            Locale.ROOT,
            "%s in %.2f s: %s%nwrote %s (%d lanes, %d events)%n",
            lesson.id(),
            seconds,
            summary,
            request.out().toAbsolutePath(),
            trace.lanes().size(),
            trace.store().size());
    return result.status() == LessonRun.Status.COMPLETED ? OK : FAILED;
  }

  /** The command that records this again; a Python lesson says its language, a script its file and arguments. */
  static String commandText(Lesson lesson, String out) {
    if (lesson instanceof ScriptLesson script) {
      List<String> words = new ArrayList<>(List.of(NAME, ScriptLesson.ID, script.file().toString()));
      script.args().forEach(arg -> words.add("--arg=" + arg));
      if (!script.workingFolder().equals(ScriptLesson.folderOf(script.file()))) {
        words.addAll(List.of("--cwd", script.workingFolder().toString()));
      }
      if (script.stepMillis() > 0) {
        words.addAll(List.of("--" + ScriptLesson.STEP_MILLIS, Long.toString(script.stepMillis())));
      }
      words.addAll(List.of("--out", out));
      return LessonCommandLine.commandLine(words);
    }
    if (lesson instanceof PythonLesson python) {
      List<String> words = new ArrayList<>(LessonCommandLine.recordArguments(python.lesson(), out));
      words.addAll(words.size() - 2, List.of("--language", "python"));
      return LessonCommandLine.commandLine(words);
    }
    return LessonCommandLine.recordCommand(lesson, out);
  }

  /**
   * Starts JavaFX with no display before the run: some lessons hand work to the FX thread as they
   * do in the window (the progress bar), and a PNG is drawn there. JavaFX's warning that it was
   * loaded from the class path is held back: there is nothing a user could do about it.
   */
  private static void startJavaFx() {
    Logger javafx = Logger.getLogger("javafx");
    Level level = javafx.getLevel();
    javafx.setLevel(Level.SEVERE);
    try {
      HeadlessFx.start();
    } finally {
      javafx.setLevel(level);
    }
  }

  private String summary(Lesson lesson, LessonRun.Result result, boolean timedOut) {
    return switch (result.status()) {
      case COMPLETED -> result.outcome() == null
          ? "completed"
          : i18n.get(result.outcome().messageKey(), result.outcome().args().toArray());
      case STOPPED -> timedOut ? "stopped: it took too long" : "stopped";
      case FAILED -> "the lesson failed: " + result.failure();
    };
  }

  /** The run's facts, as the window's exports write them, with the command that made it and how it ended. */
  private static Map<String, String> about(Trace trace, String command, String summary) {
    Map<String, String> about = new LinkedHashMap<>(RunFacts.of(trace.runInfo(), command));
    about.put("outcome", summary);
    return about;
  }

  private void write(Request request, Trace trace, Map<String, String> about) throws IOException {
    switch (request.format()) {
      case JSON -> ChromeTraceWriter.write(trace, about, request.out());
      case CSV -> CsvWriter.write(trace, about, request.out());
      case PNG -> writePng(request, trace, about);
    }
  }

  private static void writePng(Request request, Trace trace, Map<String, String> about) throws IOException {
    double height = Double.isNaN(request.height()) ? TimelineImage.fittingHeight(trace.lanes().size()) : request.height();
    Image image;
    try {
      image =
          HeadlessFx.call(
              () -> TimelineImage.render(trace, new I18n(I18n.systemDefault()), request.width(), height, TimelineImage.EXPORT_SCALE));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("could not draw the timeline: " + e, e);
    }
    RunExports.writeImage(image, request.out(), about);
  }

  /** Prints what the run's processes and threads printed, each line after its lane's name. */
  private void echo(Trace trace, List<TraceEvent> events, boolean quiet) {
    if (quiet) {
      return;
    }
    for (TraceEvent event : events) {
      if (event.kind() == EventKind.PRINT || event.kind() == EventKind.STDERR) {
        String line = "[" + concurrencylab.export.EnglishTexts.render(trace.lane(event.lane()).name()) + "] " + event.text();
        (event.kind() == EventKind.PRINT ? out : err).println(line);
      }
    }
  }

  String help() {
    StringBuilder text = new StringBuilder();
    text.append("Record a lesson with no window and write the run to a file.\n\n");
    text.append("usage: ").append(USAGE_LINE).append("\n\n");
    text.append("  --out FILE     .json: Chrome Trace Event JSON (open it in ui.perfetto.dev or chrome://tracing)\n");
    text.append("                 .csv:  every event, one row each\n");
    text.append("                 .png:  the timeline at twice the pixels, for slides\n");
    text.append("  --width PX     width of the PNG's timeline in layout pixels (default ")
        .append((long) DEFAULT_WIDTH)
        .append("; the file has twice as many)\n");
    text.append("  --height PX    its height (default: enough for every lane)\n");
    text.append("  --timeout S    stop the run after S seconds (default ").append(DEFAULT_TIMEOUT_SECONDS).append(")\n");
    text.append("  --quiet        do not echo what the processes and threads print\n");
    text.append("  --language L   java (default) or python: run the script the lesson's Python panel shows, traced\n");
    text.append("                 (fork, process, pool, thread, threadsubclass, lock; progress needs a display)\n");
    text.append("  --python PATH  the Python 3.8+ to use (default: python3, then python, on PATH)\n");
    text.append("  script FILE.py [--arg A …] [--cwd DIR]   record any Python script, run in its own folder (or DIR)\n");
    text.append("    --stepMillis MS   slow motion: each thread reports every line of the script it runs (the code panel's\n");
    text.append("                      current lines) and pauses MS ms after each (0, the default: full speed, no lines)\n");
    text.append("  --help         this text; 'record <lesson> --help' for one lesson\n\n");
    text.append("Exit status: 0 done, 1 the run failed or timed out (the file is written all the same), 2 bad arguments.\n\n");
    text.append("Lessons and their parameters (now: the default value):\n");
    for (Lesson lesson : lessons) {
      text.append('\n').append(lessonHelp(lesson));
    }
    text.append("\nExample:\n  ")
        .append(LessonCommandLine.launcherForHelp())
        .append(" record pool --processes 2 --tasks 6 --sleepSeconds 0-0.5 --seed 3 --out pool.json\n");
    return text.toString();
  }

  String lessonHelp(Lesson lesson) {
    StringBuilder text = new StringBuilder();
    text.append("  ").append(lesson.id()).append(": ").append(i18n.get(lesson.titleKey())).append('\n');
    if (lesson.parameters().isEmpty()) {
      text.append("    (no parameters)\n");
    }
    for (LessonParameter parameter : lesson.parameters()) {
      String option = "--" + parameter.key() + " " + LessonCommandLine.placeholder(parameter);
      text.append(String.format(Locale.ROOT, "    %-32s %s%n", option, i18n.get(lesson.parameterKey(parameter))));
      text.append(String.format(Locale.ROOT, "    %-32s %s; now %s%n", "", LessonCommandLine.describe(parameter), LessonCommandLine.format(parameter)));
    }
    return text.toString();
  }
}
