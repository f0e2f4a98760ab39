package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.text.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The legend wraps onto more rows when narrow or large, and never places an entry past its width. */
class LegendBarTest {
  @BeforeAll
  static void fx() throws Exception {
    HeadlessFxForTests.start();
  }

  @Test
  void entriesWrapInsideTheWidthInBothLanguagesAndAtEverySize() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> {
      for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
        LegendBar legend = new LegendBar(new I18n(locale));
        int wideRows = legend.rows(4000);
        assertThat(wideRows).as("one row when there is room, %s", locale).isEqualTo(1);
        for (double scale : new double[] {1, 1.5}) {
          legend.setScale(scale);
          for (double width : new double[] {1400, 900, 500}) {
            List<LegendBar.Placed> placed = legend.place(width);
            assertThat(placed).allSatisfy(p -> assertThat(p.x() + p.width()).as("%s at %s × %s", locale, width, scale).isLessThanOrEqualTo(width));
            assertThat(legend.computePrefHeight(width)).isEqualTo(legend.rows(width) * 30 * scale);
          }
          assertThat(legend.rows(500)).as("narrow: more rows").isGreaterThan(legend.rows(1400));
        }
      }
      return null;
    }).get(20, TimeUnit.SECONDS);
  }
}
