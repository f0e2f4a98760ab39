package concurrencylab.record;

import concurrencylab.export.ChromeTraceWriter;
import concurrencylab.export.CsvWriter;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.ui.FxUiThread;
import concurrencylab.ui.HeadlessFx;
import concurrencylab.ui.I18n;
import concurrencylab.ui.TimelineImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
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
      LessonCommandLine.launcherForHelp() + " record <lesson> [--param value …] [--seed N] --out FILE.json|.csv|.png";

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

  /** Reads the arguments after {@code record} and sets the lesson's parameters from them. */
  Request parse(List<String> args) throws UsageException, HelpRequested {
    if (args.isEmpty()) {
      throw new UsageException("which lesson? Give one of: " + lessonIds());
    }
    String first = args.get(0);
    if (isHelp(first)) {
      throw new HelpRequested(null);
    }
    if (first.startsWith("-")) {
      throw new UsageException("the lesson comes first, before " + first + "; lessons: " + lessonIds());
    }
    Lesson lesson =
        lessons.stream()
            .filter(l -> l.id().equalsIgnoreCase(first))
            .findFirst()
            .orElseThrow(() -> new UsageException("no lesson '" + first + "'; lessons: " + lessonIds()));
    if (args.stream().anyMatch(RecordCommand::isHelp)) {
      throw new HelpRequested(lesson);
    }
    Path outFile = null;
    double width = DEFAULT_WIDTH;
    double height = Double.NaN;
    long timeout = DEFAULT_TIMEOUT_SECONDS;
    boolean quiet = false;
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected '" + arg + "': options look like --name value");
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (name.equals("quiet")) {
        if (value != null) {
          throw new UsageException("--quiet takes no value");
        }
        quiet = true;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "out" -> outFile = Path.of(value);
        case "width" -> width = positive("--width", value, 400, 8000);
        case "height" -> height = positive("--height", value, 100, 8000);
        case "timeout" -> timeout = (long) positive("--timeout", value, 1, 86_400);
        default -> setParameter(lesson, name, value);
      }
    }
    if (outFile == null) {
      throw new UsageException("where to? Add --out FILE.json, FILE.csv or FILE.png");
    }
    return new Request(lesson, outFile, format(outFile), width, height, timeout, quiet);
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private void setParameter(Lesson lesson, String name, String value) throws UsageException {
    LessonParameter parameter =
        LessonCommandLine.parameter(lesson, name)
            .orElseThrow(
                () ->
                    new UsageException(
                        "lesson " + lesson.id() + " has no parameter --" + name + "; it has " + parameterNames(lesson)
                            + " (and the recorder's --out, --width, --height, --timeout, --quiet)"));
    try {
      LessonCommandLine.set(parameter, value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static double positive(String option, String text, double min, double max) throws UsageException {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " takes a number, not '" + text + "'");
    }
    if (!(value >= min && value <= max)) {
      throw new UsageException(option + " takes a number from " + (long) min + " to " + (long) max + ", not " + text.trim());
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
    String command = LessonCommandLine.recordCommand(lesson, request.out().toString());
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
    double seconds = (System.nanoTime() - started) / 1e9;
    String summary = summary(lesson, result, timedOut);
    try {
      write(request, trace, about(lesson, command, summary));
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

  private static Map<String, String> about(Lesson lesson, String command, String summary) {
    Map<String, String> about = new LinkedHashMap<>();
    about.put("lesson", lesson.id());
    for (LessonParameter parameter : lesson.parameters()) {
      about.put("param." + parameter.key(), LessonCommandLine.format(parameter));
    }
    about.put("command", command);
    about.put("outcome", summary);
    about.put("recorded", Instant.now().toString());
    return about;
  }

  private void write(Request request, Trace trace, Map<String, String> about) throws IOException {
    switch (request.format()) {
      case JSON -> ChromeTraceWriter.write(trace, about, request.out());
      case CSV -> CsvWriter.write(trace, request.out());
      case PNG -> writePng(request, trace);
    }
  }

  private static void writePng(Request request, Trace trace) throws IOException {
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
    TimelineImage.writePng(image, request.out());
  }

  /** Prints what the run's processes and threads printed, each line after its lane's name. */
  private void echo(Trace trace, List<TraceEvent> events, boolean quiet) {
    if (quiet) {
      return;
    }
    for (TraceEvent event : events) {
      if (event.kind() == EventKind.PRINT || event.kind() == EventKind.STDERR) {
        String line = "[" + trace.lane(event.lane()).name() + "] " + event.text();
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
      text.append(String.format(Locale.ROOT, "    %-32s %s%n", option, i18n.get("param." + parameter.key())));
      text.append(String.format(Locale.ROOT, "    %-32s %s; now %s%n", "", LessonCommandLine.describe(parameter), LessonCommandLine.format(parameter)));
    }
    return text.toString();
  }
}
