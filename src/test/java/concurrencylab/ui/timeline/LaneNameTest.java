package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.look.CanvasText;
import org.junit.jupiter.api.Test;

class LaneNameTest {
  private static final String FX = "JavaFX Application Thread";

  @Test
  void aNameThatFitsIsWrittenWholeInTheLargeType() throws Exception {
    HeadlessFxForTests.start();
    LaneName name = HeadlessFx.call(() -> LaneName.fitted("job-1", TimelineType.at(2), 216, 60));
    assertThat(name.lines()).containsExactly("job-1");
    assertThat(name.font().getSize()).isEqualTo(32);
  }

  @Test
  void aLongNameIsWrittenSmallerOrOnTwoLinesOrCutButNeverWiderThanItsRoom() throws Exception {
    HeadlessFxForTests.start();
    HeadlessFx.call(() -> {
      TimelineType type = TimelineType.at(1);
      double whole = CanvasText.width(FX, type.large());
      // a little short of room: the same words in a type between the large and the small one
      LaneName smaller = LaneName.fitted(FX, type, whole * 0.93, 28);
      assertThat(smaller.lines()).containsExactly(FX);
      assertThat(smaller.font().getSize()).isLessThan(type.large().getSize()).isGreaterThanOrEqualTo(type.small().getSize());
      assertThat(CanvasText.width(FX, smaller.font())).isLessThanOrEqualTo(whole * 0.93);

      // far short of room in a lane of two lines: two lines of whole words, in the small type if only it fits them
      LaneName twoLines = LaneName.fitted(FX, type, whole * 0.7, 40);
      assertThat(twoLines.lines()).containsExactly("JavaFX Application", "Thread");
      for (String line : twoLines.lines()) {
        assertThat(CanvasText.width(line, twoLines.font())).isLessThanOrEqualTo(whole * 0.7);
      }

      // in a lane tall enough, as many lines as it takes
      LaneName threeLines = LaneName.fitted(FX, type, CanvasText.width("Application", type.large()) + 4, 80);
      assertThat(threeLines.lines()).containsExactly("JavaFX", "Application", "Thread");
      assertThat(threeLines.font()).isEqualTo(type.large());

      // far short of room in a low lane: its beginning and an ellipsis, in the small type
      LaneName cut = LaneName.fitted(FX, type, whole * 0.5, 28);
      assertThat(cut.lines()).hasSize(1);
      assertThat(cut.lines().get(0)).startsWith("JavaFX").endsWith("…");
      assertThat(cut.font().getSize()).isEqualTo(type.small().getSize());
      assertThat(CanvasText.width(cut.lines().get(0), cut.font())).isLessThanOrEqualTo(whole * 0.5);
      return null;
    });
  }
}
