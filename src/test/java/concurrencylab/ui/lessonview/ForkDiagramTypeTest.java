package concurrencylab.ui.lessonview;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.look.CanvasText;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.junit.jupiter.api.Test;

/** A box's line that is too wide is set in smaller type, not squeezed: its glyphs keep their shape. */
class ForkDiagramTypeTest {
  private static final String LINE = "runs from the top, gets its task";

  @Test
  void aLineThatFitsKeepsItsTypeAndOneTooWideIsSetSmallerToFit() throws Exception {
    HeadlessFxForTests.start();
    HeadlessFx.call(() -> {
      double whole = CanvasText.width(LINE, Font.font("System", FontWeight.NORMAL, 14));
      assertThat(ForkDiagram.fitted(FontWeight.NORMAL, 14, LINE, whole + 1).getSize()).isEqualTo(14);
      Font smaller = ForkDiagram.fitted(FontWeight.NORMAL, 14, LINE, whole * 0.85);
      assertThat(smaller.getSize()).isLessThan(14).isGreaterThanOrEqualTo(11);
      assertThat(CanvasText.width(LINE, smaller)).isLessThanOrEqualTo(whole * 0.85);
      assertThat(ForkDiagram.fitted(FontWeight.BOLD, 15, LINE, 20).getSize()).as("never below the least type").isEqualTo(11);
      return null;
    });
  }
}
