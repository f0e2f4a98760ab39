package concurrencylab.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a run was made, fixed when it starts: every view, export and command line of a recorded run
 * reads it from here, never from the controls, which may have moved since.
 *
 * @param lessonId the lesson that ran ("" for traces made outside a lesson)
 * @param parameters each control's value as the command line writes it, in the lesson's order
 * @param language the UI language's tag when the run started ("en", "zh-CN")
 * @param appVersion the version of the app that recorded it
 * @param startedAt the wall-clock time of the run's start
 * @param code the code that ran when it is not a lesson's own (a script of the lecturer's, as it
 *     stood in the editor when Run was pressed); "" for a lesson, whose code follows from the rest
 */
public record RunInfo(String lessonId, List<Parameter> parameters, String language, String appVersion, Instant startedAt, String code) {
  /** What a trace made outside a lesson (a test, the bench) says about itself. */
  public static final RunInfo NONE = new RunInfo("", List.of(), "en", "", Instant.EPOCH);

  /** One control's value: {@code --key value} on the command line. */
  public record Parameter(String key, String value) {}

  public RunInfo {
    parameters = List.copyOf(parameters);
    code = code == null ? "" : code;
  }

  /** A lesson's run: its code is the lesson's own. */
  public RunInfo(String lessonId, List<Parameter> parameters, String language, String appVersion, Instant startedAt) {
    this(lessonId, parameters, language, appVersion, startedAt, "");
  }

  /** All the recorded values of a control that may be given more than once ({@code --arg}). */
  public List<String> values(String key) {
    return parameters.stream().filter(p -> p.key().equals(key)).map(Parameter::value).toList();
  }

  /** The recorded value of a control, as the command line writes it. */
  public Optional<String> value(String key) {
    return parameters.stream().filter(p -> p.key().equals(key)).map(Parameter::value).findFirst();
  }

  /** A recorded whole number; {@code fallback} when the control was not recorded or is not one. */
  public int intValue(String key, int fallback) {
    try {
      return value(key).map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code --key value} for each control, in order. */
  public List<String> arguments() {
    return parameters.stream().flatMap(p -> java.util.stream.Stream.of("--" + p.key(), p.value())).toList();
  }
}
