package concurrencylab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LaneTrackSearchTest {
  @Test
  void searchesFromAnyStartingPointGiveTheAnswersOfAPlainScan() {
    SplittableRandom random = new SplittableRandom(7);
    Trace trace = new Trace();
    trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    long time = 0;
    for (int i = 0; i < 2_000; i++) {
      time += random.nextInt(4); // many ties
      trace.recordAt(0, time, EventKind.PRINT, i, "");
    }
    trace.sync();
    LaneTrack.IndexList lines = trace.store().track(0).lines();

    for (int query = 0; query < 20_000; query++) {
      long at = random.nextLong(-5, time + 5);
      int first = 0;
      while (first < lines.size() && lines.timeOf(first) < at) {
        first++;
      }
      int last = -1;
      while (last + 1 < lines.size() && lines.timeOf(last + 1) <= at) {
        last++;
      }
      assertThat(lines.firstAtOrAfter(at)).as("first at or after %d", at).isEqualTo(first);
      assertThat(lines.lastAtOrBefore(at)).as("last at or before %d", at).isEqualTo(last);
    }
  }

  @Test
  void anEmptyListHasNothingBeforeOrAfter() {
    LaneTrack.IndexList lines = new LaneTrack().lines();

    assertThat(lines.firstAtOrAfter(10)).isZero();
    assertThat(lines.lastAtOrBefore(10)).isEqualTo(-1);
  }
}
