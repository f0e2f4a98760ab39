package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Step on a paused gate: each thread waiting there passes once and waits at its next pass. */
class PauseGateStepTest {
  @Test
  void aStepLetsEachHeldThreadPassOnceAndHoldsItAgain() throws Exception {
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "main");
    PauseGate gate = scope.pauseGate();
    AtomicIntegerArray passes = new AtomicIntegerArray(3);
    gate.pause();
    for (int t = 0; t < 3; t++) {
      int me = t;
      scope.startThread("Thread-" + t, lane -> {
        while (true) {
          lane.pausePoint();
          passes.incrementAndGet(me);
          if (Thread.interrupted()) { // Stop
            return;
          }
        }
      });
    }
    Await.until(Duration.ofSeconds(10), () -> gate.waiting() == 3, "the three threads are held");
    assertThat(snapshot(passes)).containsExactly(0, 0, 0);

    for (int step = 1; step <= 3; step++) {
      assertThat(gate.step()).isTrue();
      int expected = step;
      Await.until(Duration.ofSeconds(10), () -> gate.waiting() == 3 && snapshot(passes).stream().allMatch(p -> p == expected),
          "each thread passed once more and is held again");
      // held again: however long one waits, no thread passes without another step
      long watchUntil = System.nanoTime() + 100_000_000L;
      Await.until(Duration.ofSeconds(5), () -> System.nanoTime() > watchUntil || snapshot(passes).stream().anyMatch(p -> p != expected), "100 ms pass");
      assertThat(snapshot(passes)).as("after step %d", step).containsExactly(expected, expected, expected);
    }
    assertThat(gate.isPaused()).isTrue();

    scope.cancel();
    assertThat(scope.awaitTermination(10, TimeUnit.SECONDS)).as("Stop while paused ends every thread").isTrue();
  }

  @Test
  void aStepDoesNothingWhenNotPaused() {
    PauseGate gate = new PauseGate();
    List<Boolean> heard = new java.util.ArrayList<>();
    gate.follow(heard::add, () -> heard.add(null));
    assertThat(gate.step()).isFalse();
    gate.pause();
    assertThat(gate.step()).isTrue();
    gate.resume();
    assertThat(heard).containsExactly(false, true, null, false);
  }

  private static List<Integer> snapshot(AtomicIntegerArray passes) {
    return List.of(passes.get(0), passes.get(1), passes.get(2));
  }
}
