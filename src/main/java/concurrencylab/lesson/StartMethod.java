package concurrencylab.lesson;

import java.util.List;

/**
 * How Python's multiprocessing starts a child process: {@code fork} copies the parent (Unix only),
 * {@code spawn} starts a fresh interpreter that imports the script, {@code forkserver} forks each
 * child from a small server process started once (Unix only). The Process and Pool lessons' Python
 * passes the choice to {@code multiprocessing.get_context}; Java always starts fresh JVMs, like spawn.
 */
public enum StartMethod {
  FORK,
  SPAWN,
  FORKSERVER;

  /** The methods this operating system has: Windows has spawn only. */
  public static List<StartMethod> available() {
    return System.getProperty("os.name", "").startsWith("Windows") ? List.of(SPAWN) : List.of(values());
  }

  /** The one a lesson starts with: fork where there is fork (the chapter's), else spawn. */
  public static StartMethod usual() {
    return available().get(0);
  }

  /** The lessons' start-method control: Python only, among the methods this system has. */
  public static LessonParameter.ChoiceParameter<StartMethod> parameter() {
    return LessonParameter.ChoiceParameter.forPython("startMethod", available(), usual());
  }
}
