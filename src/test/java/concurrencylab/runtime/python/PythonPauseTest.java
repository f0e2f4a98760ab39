package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pause, lines and slow motion reach every process of a Python run through its control file: the
 * threads of the first process, and children made by fork, spawn and forkserver, stop at their
 * next hook (or line) with PAUSED on their lanes, and go on after Resume; with lines on, each
 * thread reports the lines of the script it runs.
 */
class PythonPauseTest {
  @TempDir Path dir;

  private static final String TICKING = """
      import multiprocessing, os, threading, time

      def work(name):
          i = 0
          while not os.path.exists("done"):
              print(f"{name} {i}")
              i += 1
              time.sleep(0.01)

      if __name__ == "__main__":
          ctx = multiprocessing.get_context(METHOD)
          p = ctx.Process(target=work, args=("child",), name="Child")
          p.start()
          t = threading.Thread(target=work, args=("thread",), name="Worker")
          t.start()
          work("main")
          t.join()
          p.join()
      """;

  static boolean hasStartMethod(String method) {
    return method.equals("spawn") || !System.getProperty("os.name").startsWith("Windows");
  }

  private static String withMethod(String script, String method) {
    return "METHOD = \"" + method + "\"\n" + script;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fork", "spawn", "forkserver"})
  void pauseHoldsEveryThreadOfEveryProcessUntilResume(String method) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(hasStartMethod(method));
    try (PythonLive live = new PythonLive(withMethod(TICKING, method), dir, PythonRuns.options())) {
      live.until("each lane printed", () -> List.of("MainProcess", "Worker", "Child").stream().allMatch(name ->
          live.trace.lanes().stream().anyMatch(l -> l.name().equals(name)) && live.count(PythonLive.on(live.lane(name), EventKind.PRINT)) >= 3));
      List<Lane> lanes = List.of(live.lane("MainProcess"), live.lane("Worker"), live.lane("Child"));

      live.scope.pauseGate().pause();
      live.until("every thread is held", () -> live.run.heldThreads() == 3);
      for (Lane lane : lanes) {
        assertThat(lastState(live, lane)).as("%s while paused", lane.name()).isEqualTo(LaneState.PAUSED);
      }
      Map<Lane, Long> printed = printed(live, lanes);
      Thread.sleep(300); // nothing may be printed while the run is paused, however long that is
      assertThat(printed(live, lanes)).as("lines printed while paused").isEqualTo(printed);

      live.scope.pauseGate().resume();
      live.until("every lane goes on after Resume", () -> lanes.stream().allMatch(l -> live.count(PythonLive.on(l, EventKind.PRINT)) > printed.get(l)));
      assertThat(live.run.heldThreads()).isZero();
      Files.createFile(dir.resolve("done"));
      PythonRun.Result result = live.end();
      assertThat(result.succeeded()).as(live.describe()).isTrue();
      for (Lane lane : lanes) {
        List<LaneState> states = live.events().stream().filter(PythonLive.on(lane, EventKind.STATE)).map(TraceEvent::state).toList();
        int paused = states.indexOf(LaneState.PAUSED);
        assertThat(paused).as("%s was paused", lane.name()).isNotNegative();
        assertThat(states.get(paused + 1)).as("%s after the pause", lane.name()).isIn(LaneState.RUNNING, LaneState.SLEEPING);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fork", "spawn"})
  void aStepTakesEachHeldThreadOfEveryProcessOneHookFurtherAndHoldsItAgain(String method) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(hasStartMethod(method));
    try (PythonLive live = new PythonLive(withMethod(TICKING, method), dir, PythonRuns.options())) {
      live.until("each lane printed", () -> List.of("MainProcess", "Worker", "Child").stream().allMatch(name ->
          live.trace.lanes().stream().anyMatch(l -> l.name().equals(name)) && live.count(PythonLive.on(live.lane(name), EventKind.PRINT)) >= 2));
      List<Lane> lanes = List.of(live.lane("MainProcess"), live.lane("Worker"), live.lane("Child"));
      live.scope.pauseGate().pause();
      live.until("every thread is held", () -> live.run.heldThreads() == 3);
      for (int step = 1; step <= 4; step++) {
        Map<Lane, Integer> holds = lanes.stream().collect(Collectors.toMap(l -> l, l -> pausedAt(live, l).size()));
        assertThat(live.scope.pauseGate().step()).isTrue();
        live.until("each thread is held again", () -> live.run.heldThreads() == 3
            && lanes.stream().allMatch(l -> pausedAt(live, l).size() == holds.get(l) + 1));
        for (Lane lane : lanes) {
          assertThat(hooksBetweenTheLastTwoHolds(live, lane)).as("%s: hooks run in step %d\n%s", lane.name(), step, live.describe()).isEqualTo(1);
        }
        // held again: nothing more happens on the held lanes without another step (spawn's
        // resource tracker, a process of multiprocessing's own, may still report its start)
        List<TraceEvent> before = live.events().stream().filter(e -> lanes.stream().anyMatch(l -> l.id() == e.lane())).toList();
        Thread.sleep(100);
        assertThat(live.events().stream().filter(e -> lanes.stream().anyMatch(l -> l.id() == e.lane())).toList())
            .as("events of the held lanes after step %d", step).isEqualTo(before);
      }
      Files.createFile(dir.resolve("done"));
      live.scope.pauseGate().resume();
      assertThat(live.end().succeeded()).as(live.describe()).isTrue();
    }
  }

  @Test
  void withLinesOnAStepRunsOneLineOfTheScriptInEachHeldThreadPrintsIncluded() throws Exception {
    String script = """
        import os, threading
        def spin():
            while not os.path.exists("done"):
                print("tick")
                x = 1
        t = threading.Thread(target=spin, name="Worker")
        t.start()
        spin()
        t.join()
        """;
    try (PythonLive live = new PythonLive(script, dir, PythonRuns.options().withLines(true))) {
      live.until("both lanes print", () -> live.trace.lanes().stream().anyMatch(l -> l.name().equals("Worker"))
          && live.count(PythonLive.on(live.lane("Worker"), EventKind.PRINT)) > 2 && live.count(PythonLive.on(live.lane("MainProcess"), EventKind.PRINT)) > 2);
      List<Lane> lanes = List.of(live.lane("MainProcess"), live.lane("Worker"));
      live.run.control().setPaused(true);
      live.until("both threads are held", () -> live.run.heldThreads() == 2);
      Map<Lane, Long> printedBefore = printed(live, lanes);
      for (int step = 1; step <= 3; step++) {
        Map<Lane, Integer> holds = lanes.stream().collect(Collectors.toMap(l -> l, l -> pausedAt(live, l).size()));
        live.run.control().step();
        live.until("each thread is held again", () -> live.run.heldThreads() == 2
            && lanes.stream().allMatch(l -> pausedAt(live, l).size() == holds.get(l) + 1));
        for (Lane lane : lanes) {
          List<TraceEvent> between = betweenTheLastTwoHolds(live, lane);
          assertThat(between).filteredOn(e -> e.kind() == EventKind.LINE).as("%s: lines run in step %d\n%s", lane.name(), step, live.describe()).hasSize(1);
        }
      }
      // three steps are one turn of the loop's three lines: each thread printed once, held only at lines
      assertThat(printed(live, lanes)).as("printed in three steps")
          .isEqualTo(lanes.stream().collect(Collectors.toMap(l -> l, l -> printedBefore.get(l) + 1)));
      Files.createFile(dir.resolve("done"));
      live.run.control().setPaused(false);
      assertThat(live.end().succeeded()).as(live.describe()).isTrue();
    }
  }

  /** The lane's events, in order, that put it in PAUSED. */
  private static List<Integer> pausedAt(PythonLive live, Lane lane) {
    List<TraceEvent> on = onLane(live, lane);
    List<Integer> at = new java.util.ArrayList<>();
    for (int i = 0; i < on.size(); i++) {
      if (on.get(i).kind() == EventKind.STATE && on.get(i).state() == LaneState.PAUSED) {
        at.add(i);
      }
    }
    return at;
  }

  private static List<TraceEvent> onLane(PythonLive live, Lane lane) {
    return live.events().stream().filter(e -> e.lane() == lane.id()).toList();
  }

  private static List<TraceEvent> betweenTheLastTwoHolds(PythonLive live, Lane lane) {
    List<TraceEvent> on = onLane(live, lane);
    List<Integer> paused = pausedAt(live, lane);
    return on.subList(paused.get(paused.size() - 2) + 1, paused.get(paused.size() - 1));
  }

  /** What a thread did between its last two holds: printed lines and sleeps begun (the script's hooks). */
  private static long hooksBetweenTheLastTwoHolds(PythonLive live, Lane lane) {
    return betweenTheLastTwoHolds(live, lane).stream()
        .filter(e -> e.kind() == EventKind.PRINT || e.kind() == EventKind.STATE && e.state() == LaneState.SLEEPING)
        .count();
  }

  @Test
  void withLinesOnAThreadInALoopThatCallsNothingTracedIsHeldAtItsNextLine() throws Exception {
    String script = """
        import os
        x = 0
        while not os.path.exists("done"):
            x += 1
        """;
    try (PythonLive live = new PythonLive(script, dir, PythonRuns.options().withLines(true))) {
      Lane main = awaitLane(live, "MainProcess");
      live.until("the loop's lines arrive", () -> live.count(PythonLive.on(main, EventKind.LINE)) > 20);
      live.run.control().setPaused(true);
      live.until("the loop is held", () -> live.run.heldThreads() == 1);
      long lines = live.count(PythonLive.on(main, EventKind.LINE));
      Thread.sleep(200);
      assertThat(live.count(PythonLive.on(main, EventKind.LINE))).as("lines run while paused").isEqualTo(lines);
      Files.createFile(dir.resolve("done"));
      live.run.control().setPaused(false);
      assertThat(live.end().succeeded()).as(live.describe()).isTrue();
      assertThat(live.events().stream().filter(PythonLive.on(main, EventKind.LINE)).map(TraceEvent::value).distinct())
          .as("the loop's lines, numbered as in the script").containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fork", "spawn", "forkserver"})
  void linesAreReportedOnTheLaneThatRunsThemInTheScriptsOwnNumbers(String method) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(hasStartMethod(method));
    String script = withMethod("""
        import multiprocessing, threading

        def child(n):
            total = sum(range(n))
            print(f"child {total}")

        if __name__ == "__main__":
            ctx = multiprocessing.get_context(METHOD)
            p = ctx.Process(target=child, args=(10,), name="Child")
            p.start()
            t = threading.Thread(target=child, args=(5,), name="Worker")
            t.start()
            t.join()
            p.join()
        """, method);
    List<String> lines = script.lines().toList();
    long inChild = lineOf(lines, "total = sum(range(n))");
    long start = lineOf(lines, "p.start()");
    PythonRuns.Ran ran = PythonRuns.run(script, dir, PythonRuns.options().withStepMillis(5));
    assertThat(ran.result().succeeded()).as(ran.describe()).isTrue();
    assertThat(ran.on(ran.lane("Child"), EventKind.LINE)).extracting(TraceEvent::value).as(ran.describe()).contains(inChild).doesNotContain(start);
    assertThat(ran.on(ran.lane("Worker"), EventKind.LINE)).extracting(TraceEvent::value).contains(inChild).doesNotContain(start);
    assertThat(ran.on(ran.lane("MainProcess"), EventKind.LINE)).extracting(TraceEvent::value).contains(start).doesNotContain(inChild);
    assertThat(ran.all(EventKind.LINE)).extracting(TraceEvent::value).allSatisfy(v -> assertThat(v).isBetween(1L, (long) lines.size()));

    PythonRuns.Ran fast = PythonRuns.run(script, dir);
    assertThat(fast.result().succeeded()).isTrue();
    assertThat(fast.all(EventKind.LINE)).as("no lines at full speed").isEmpty();
  }

  static long lineOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + part);
  }

  private static Lane awaitLane(PythonLive live, String name) throws InterruptedException {
    live.until("lane " + name, () -> live.trace.lanes().stream().anyMatch(l -> l.name().equals(name)));
    return live.lane(name);
  }

  private static LaneState lastState(PythonLive live, Lane lane) {
    List<TraceEvent> states = live.events().stream().filter(PythonLive.on(lane, EventKind.STATE)).toList();
    return states.get(states.size() - 1).state();
  }

  private static Map<Lane, Long> printed(PythonLive live, List<Lane> lanes) {
    return lanes.stream().collect(Collectors.toMap(l -> l, l -> live.count(PythonLive.on(l, EventKind.PRINT))));
  }
}
