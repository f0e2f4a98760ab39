package concurrencylab.lesson;

import concurrencylab.trace.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** Takes down how a lesson is about to run: its id, every control's value, the language, the app. */
public final class RunSnapshot {
  private static final String VERSION = readVersion();
  /** The parameter that names the language a lesson ran in, when it is not Java. */
  public static final String LANGUAGE = "language";

  private RunSnapshot() {}

  /** The lesson's controls as they are now; {@code language} is the UI language's tag. */
  public static RunInfo of(Lesson lesson, String language) {
    List<RunInfo.Parameter> values = new java.util.ArrayList<>(lesson.parameters().stream()
        .filter(p -> !p.pythonOnly() || lesson instanceof PythonLesson) // a Java run ignores them
        .map(p -> new RunInfo.Parameter(p.key(), LessonCommandLine.format(p)))
        .toList());
    if (lesson instanceof PythonLesson) {
      values.add(new RunInfo.Parameter(LANGUAGE, "python")); // the recorder's --language python
    }
    if (lesson instanceof ScriptLesson script) {
      return new RunInfo(lesson.id(), script.recorded(), language, VERSION, Instant.now(), script.source());
    }
    return new RunInfo(lesson.id(), values, language, VERSION, Instant.now());
  }

  /** Whether a recorded run ran the lesson's Python (the parameter {@link #of} adds for it). */
  public static boolean ranPython(RunInfo run) {
    return run.value(LANGUAGE).filter("python"::equals).isPresent();
  }

  public static String appVersion() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = RunSnapshot.class.getResourceAsStream("/concurrencylab/app.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
