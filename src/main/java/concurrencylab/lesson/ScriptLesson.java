package concurrencylab.lesson;

import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Any Python script of the lecturer's, run as it is, traced, in the folder it lies in: the run
 * behind "Your script" and {@code record script FILE.py}. Not a tab of the registry.
 */
public final class ScriptLesson implements Lesson {
  public static final String ID = "script";

  private final Path file;
  private final List<String> args;
  private final PythonRun.Options options;

  public ScriptLesson(Path file, List<String> args, PythonRun.Options options) {
    this.file = file.toAbsolutePath();
    this.args = List.copyOf(args);
    this.options = options;
  }

  public Path file() {
    return file;
  }

  public List<String> args() {
    return args;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of();
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    Path folder = file.getParent() == null ? Path.of(".") : file.getParent();
    return PythonLesson.outcome(PythonRun.startFile(scope, options, file, args, folder).await());
  }

  @Override
  public String pythonExample(RunInfo run) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of();
  }

  @Override
  public String javaExample() {
    return "";
  }
}
