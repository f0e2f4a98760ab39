package concurrencylab.lesson;

import concurrencylab.trace.RunInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of a recorded run as every export writes them (a Chrome trace's otherData, a PNG's
 * text chunks, a CSV's metadata file), from the window and the recorder alike: the lesson, its
 * parameters as the command line writes them, the seed, the UI language, the app's version, the
 * wall-clock start and the command that records it again. Read from the run's {@link RunInfo},
 * never from the controls, which may have moved since.
 */
public final class RunFacts {
  private RunFacts() {}

  /** The facts, with the command that records the run again writing {@code <lesson>.json}. */
  public static Map<String, String> of(RunInfo run) {
    return of(run, LessonCommandLine.recordCommand(run));
  }

  /** The facts, with {@code command} as the command that made (or repeats) the run. */
  public static Map<String, String> of(RunInfo run, String command) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("lesson", run.lessonId());
    facts.put("parameters", String.join(" ", run.arguments()));
    run.value("seed").ifPresent(seed -> facts.put("seed", seed));
    facts.put("language", run.language());
    facts.put("appVersion", run.appVersion());
    facts.put("started", run.startedAt().toString());
    if (!run.code().isEmpty()) {
      facts.put("script", run.code()); // the code that ran, whatever the editor holds now
    }
    facts.put("command", command);
    return facts;
  }
}
