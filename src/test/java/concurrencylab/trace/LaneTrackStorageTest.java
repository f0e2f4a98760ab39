package concurrencylab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A lane keeps its values in ints until one does not fit, and its texts only from its first text
 * on: whatever the order, every event reads back exactly as it was recorded.
 */
class LaneTrackStorageTest {
  @Test
  void valuesAndTextsReadBackAsRecordedAcrossTheSwitchToLongsAndTheFirstText() {
    SplittableRandom random = new SplittableRandom(3);
    Trace trace = new Trace();
    trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    List<Long> values = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      long value = i < 3_000 ? random.nextInt() : i == 3_000 ? Long.MAX_VALUE - 1 : random.nextLong();
      String text = i < 1_000 || random.nextInt(3) > 0 ? "" : "line " + i;
      values.add(value);
      texts.add(text);
      trace.recordAt(0, i, EventKind.COUNTER, value, text);
    }
    trace.sync();
    LaneTrack track = trace.store().track(0);

    assertThat(track.size()).isEqualTo(5_000);
    for (int i = 0; i < track.size(); i++) {
      assertThat(track.value(i)).as("value %d", i).isEqualTo(values.get(i));
      assertThat(track.text(i)).as("text %d", i).isEqualTo(texts.get(i));
      assertThat(track.event(0, i).value()).isEqualTo(values.get(i));
    }
  }

  @Test
  void aLaneWithoutTextsReadsEmptyTexts() {
    Trace trace = new Trace();
    trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    for (int i = 0; i < 100; i++) {
      trace.recordAt(0, i, EventKind.COUNTER, -i, "");
    }
    trace.sync();
    LaneTrack track = trace.store().track(0);

    for (int i = 0; i < 100; i++) {
      assertThat(track.text(i)).isEmpty();
      assertThat(track.value(i)).isEqualTo(-i);
    }
  }
}
