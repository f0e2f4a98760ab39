package concurrencylab.lesson;

import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any Python script of the lecturer's, run traced: the run behind "Your script" and {@code record
 * script FILE.py}. Not a tab of the registry. The text it runs is fixed when it is made (the editor's
 * text when Run was pressed) and recorded with the run, so a replay or an export shows the code that
 * ran. When that text is what the file holds, the file itself runs (its folder's modules import, and
 * {@code __file__} is its own); text with unsaved edits runs from a copy named like the file.
 */
public final class ScriptLesson implements Lesson {
  public static final String ID = "script";
  /** The recorded run's file, arguments (one entry each, in order) and working folder. */
  public static final String FILE = "file";
  public static final String ARG = "arg";
  public static final String WORKING_FOLDER = "cwd";
  /** Slow motion, as a lesson's is called: a pause after each line, every line reported (recorded only when above 0). */
  public static final String STEP_MILLIS = PythonLesson.SLOW_MOTION;
  public static final long MAX_STEP_MILLIS = 1000;

  private final Path file;
  private final String source;
  private final List<String> args;
  private final Path workingFolder;
  private final PythonRun.Options options;

  /** The file as it is on disk now, run in its own folder. */
  public ScriptLesson(Path file, List<String> args, PythonRun.Options options) {
    this(file, read(file), args, folderOf(file), options);
  }

  /** {@code source} (the file's text, maybe edited since it was read) run in {@code workingFolder}. */
  public ScriptLesson(Path file, String source, List<String> args, Path workingFolder, PythonRun.Options options) {
    this.file = file.toAbsolutePath();
    this.source = source;
    this.args = List.copyOf(args);
    this.workingFolder = workingFolder.toAbsolutePath();
    this.options = options;
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  public static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  public Path file() {
    return file;
  }

  public String source() {
    return source;
  }

  public List<String> args() {
    return args;
  }

  public Path workingFolder() {
    return workingFolder;
  }

  /** The pause after each line of the script (0: full speed, and no lines reported). */
  public long stepMillis() {
    return options == null ? 0 : options.stepMillis(); // none before a Python is found
  }

  /** How the run is recorded: the file, each argument, the working folder, the slow motion if any. */
  List<RunInfo.Parameter> recorded() {
    List<RunInfo.Parameter> values = new ArrayList<>();
    values.add(new RunInfo.Parameter(FILE, file.toString()));
    args.forEach(arg -> values.add(new RunInfo.Parameter(ARG, arg)));
    values.add(new RunInfo.Parameter(WORKING_FOLDER, workingFolder.toString()));
    if (stepMillis() > 0) {
      values.add(new RunInfo.Parameter(STEP_MILLIS, Long.toString(stepMillis())));
    }
    return values;
  }

  /** The app that starts the script and waits for it: the script's own main is its first process. */
  @Override
  public String mainLaneName() {
    return PythonRun.APP_LANE;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of();
  }

  /** A script's run can pause and step: the tracer holds each thread at its next hook. */
  @Override
  public boolean canPause() {
    return true;
  }

  @Override
  public String stepKey(RunInfo run) {
    return options != null && options.lines() ? "step.pythonLines" : "step.python";
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    if (!Files.isDirectory(workingFolder)) {
      throw new IllegalStateException("the working folder " + workingFolder + " is not a folder");
    }
    PythonRun python = savedAsIs()
        ? PythonRun.startFile(scope, options, file, args, workingFolder)
        : PythonRun.startSource(scope, options, source, file.getFileName().toString(), args, workingFolder);
    return PythonLesson.outcome(python.await());
  }

  private boolean savedAsIs() {
    try {
      return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(source);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** The code the run ran, as recorded; before a run, the text this lesson was made with. */
  @Override
  public String pythonExample(RunInfo run) {
    return run.code().isEmpty() ? source : run.code();
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of();
  }

  @Override
  public String javaExample(String languageTag) {
    return "";
  }
}
