package concurrencylab.ui.timeline;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timeline picture for slides: twice the pixels each way, drawn at that size, written as PNG. */
class TimelineImageTest {
  private static Trace finishedRun() {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    Lane child = trace.addLane("Process-1", LaneKind.PROCESS, 2, main.id());
    trace.recordAt(main.id(), 0, EventKind.START, 0, "");
    trace.recordAt(main.id(), 100_000_000L, EventKind.SPAWN, child.id(), "Process-1");
    trace.recordAt(child.id(), 100_000_000L, EventKind.START, 0, "");
    trace.recordAt(child.id(), 300_000_000L, EventKind.PRINT, 0, "hello");
    trace.recordAt(child.id(), 400_000_000L, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(child.id(), 900_000_000L, EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
    trace.recordAt(main.id(), 1_000_000_000L, EventKind.END, 0, concurrencylab.trace.AppText.of("end.run.completed"));
    trace.sync();
    trace.finish();
    return trace;
  }

  @Test
  void aPictureHasTwiceThePixelsEachWayWithTheLanesWhereTheyBelong(@TempDir Path dir) throws Exception {
    HeadlessFxForTests.start();
    Trace trace = finishedRun();
    double width = 900;
    double height = TimelineImage.fittingHeight(trace.lanes().size());

    Image image = HeadlessFx.call(() -> TimelineImage.render(trace, new I18n(Locale.ENGLISH), width, height, TimelineImage.EXPORT_SCALE));
    Path file = dir.resolve("timeline.png");
    TimelineImage.writePng(image, file);

    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo((int) (2 * width));
    assertThat(png.getHeight()).isEqualTo((int) Math.round(2 * height));
    // the main lane is running just right of the labels, at twice the coordinates: its colour
    int x = (int) (2 * (TimelineCanvas.LABEL_WIDTH + 20));
    int y = (int) (2 * (TimelineCanvas.AXIS_HEIGHT + 12));
    javafx.scene.paint.Color lane = Palette.lane(trace.lane(0).colorIndex());
    assertThat(png.getRGB(x, y) & 0xffffff).isEqualTo(rgb(lane));
    // drawn, not blank: many colours (anti-aliased type and lines) over the whole picture
    Set<Integer> colours = new HashSet<>();
    for (int py = 0; py < png.getHeight(); py += 3) {
      for (int px = 0; px < png.getWidth(); px += 3) {
        colours.add(png.getRGB(px, py));
      }
    }
    assertThat(colours.size()).isGreaterThan(20);
  }

  private static int rgb(javafx.scene.paint.Color c) {
    return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
  }
}
