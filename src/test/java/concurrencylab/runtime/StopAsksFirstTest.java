package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Stop asks every worker to end and kills only the one that cannot: here, one the OS has frozen. */
class StopAsksFirstTest {
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aWorkerThatDoesNotEndWhenAskedIsKilledAndSaysSoTheOthersSayStopped() throws Exception {
    PoolLesson pool = new PoolLesson();
    pool.processes().set(3);
    pool.tasks().set(6);
    LessonRun run = LessonRun.start(pool);
    Await.until(Duration.ofSeconds(30), () -> run.trace().lanes().stream().filter(l -> l.name().startsWith("PoolWorker")).count() == 3
        && run.trace().lanes().stream().filter(l -> l.name().startsWith("PoolWorker")).allMatch(l -> ProcessHandle.of(l.pid()).isPresent()),
        "three workers");
    // booted: a JVM still starting does not read its stdin yet, so it could not end when asked
    Await.until(Duration.ofSeconds(30), () -> {
      run.trace().sync();
      return run.trace().lanes().stream().filter(l -> l.name().startsWith("PoolWorker"))
          .allMatch(l -> run.trace().store().track(l.id()).stateAt(Long.MAX_VALUE) != concurrencylab.trace.LaneState.STARTING);
    }, "three workers ready");
    Lane frozen = run.trace().lanes().stream().filter(l -> l.name().equals("PoolWorker-2")).findFirst().orElseThrow();
    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(frozen.pid())).start();
    assertThat(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0).as("SIGSTOP sent").isTrue();

    run.stop();
    run.done().get(30, TimeUnit.SECONDS);
    Trace trace = run.trace();
    trace.sync();
    List<Lane> workers = trace.lanes().stream().filter(l -> l.name().startsWith("PoolWorker")).toList();
    for (Lane worker : workers) {
      LaneTrack track = trace.store().track(worker.id());
      assertThat(track.kind(track.size() - 1)).isEqualTo(EventKind.END);
      String end = concurrencylab.export.EnglishTexts.render(track.text(track.size() - 1));
      assertThat(end).as("how %s ended", worker.name()).isEqualTo(worker.equals(frozen) ? "killed by signal 9" : "stopped (asked to end)");
    }
  }
}
