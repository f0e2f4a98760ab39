package concurrencylab.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readable from the back of the room, computed: every text the canvases and the console draw
 * meets WCAG AA against what it is drawn on (4.5:1), and lanes stand out from the background as
 * graphics must (3:1) in high contrast, in every theme.
 */
class ContrastTest {
  @AfterEach
  void backToLight() {
    Palette.use(Theme.LIGHT);
  }

  @Test
  void textsMeetAaAndLanesStandOutInEveryTheme() {
    for (Theme theme : Theme.values()) {
      Palette.use(theme);
      Color ground = Palette.background();
      assertThat(Palette.contrast(Palette.text(), ground)).as("%s text", theme).isGreaterThanOrEqualTo(4.5);
      assertThat(Palette.contrast(Palette.mutedText(), ground)).as("%s muted text", theme).isGreaterThanOrEqualTo(4.5);
      assertThat(Palette.contrast(Palette.failure(), ground)).as("%s failure text", theme).isGreaterThanOrEqualTo(4.5);
      assertThat(Palette.contrast(Palette.text(), Palette.stripe())).as("%s text on a striped lane", theme).isGreaterThanOrEqualTo(4.5);
      for (int lane = 0; lane < 8; lane++) {
        Color color = Palette.lane(lane);
        assertThat(Palette.contrast(Palette.onLane(lane), color)).as("%s: a label on lane colour %d", theme, lane).isGreaterThanOrEqualTo(4.5);
        if (theme == Theme.HIGH_CONTRAST) { // there even the bars themselves stand out as graphics must
          assertThat(Palette.contrast(color, ground)).as("%s: lane colour %d on the background", theme, lane).isGreaterThanOrEqualTo(3.0);
        }
      }
    }
  }

  @Test
  void theContrastRatioIsWcags() {
    assertThat(Palette.contrast(Color.BLACK, Color.WHITE)).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Palette.contrast(Color.web("#777777"), Color.WHITE)).isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
  }
}
