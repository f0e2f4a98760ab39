package concurrencylab.ui.timeline;

import static concurrencylab.ui.timeline.LayeredRun.MS;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every layer of the timeline draws what it stands for, where it belongs: a run with something for
 * each layer ({@link LayeredRun}) is drawn at 1200×560 showing 0 to 1 s, so a time t lands at
 * x = 240 + 0.96 px per ms, and the five lanes are 72 px each below the 34 px axis. A layer that
 * stops drawing, or draws in the wrong place or colour, fails its own test.
 */
class TimelineLayersTest {
  private static final double WIDTH = 1200;
  private static final double HEIGHT = 560;
  private static final double LANE = 72;

  private static Trace trace;

  @BeforeAll
  static void start() throws Exception {
    HeadlessFxForTests.start();
    trace = LayeredRun.build(0);
  }

  private static int x(long time) {
    return (int) Math.floor(TimelineCanvas.LABEL_WIDTH + (WIDTH - TimelineCanvas.LABEL_WIDTH) * time / (1000.0 * MS));
  }

  /** The top of lane {@code lane}'s layers (the lane less its 4 px margin); they are 64 px high. */
  private static int rowTop(int lane) {
    return (int) (TimelineCanvas.AXIS_HEIGHT + lane * LANE + 4);
  }

  private static Color laneColour(int lane) {
    return Palette.lane(trace.lane(lane).colorIndex());
  }

  private static Color groundOf(int lane) {
    return lane % 2 == 1 ? Palette.stripe() : Palette.background();
  }

  @Test
  void everyStateHasItsShape() throws Exception {
    PixelReader image = drawn(c -> {}).pixels();
    int top = rowTop(LayeredRun.STATES);
    Color colour = laneColour(LayeredRun.STATES);
    Color ground = groundOf(LayeredRun.STATES);

    assertThat(image.getColor(x(100 * MS), top + 10)).as("running: a full bar").isEqualTo(colour);
    assertThat(image.getColor(x(200 * MS), top + 10)).as("sleeping: nothing in the upper half").isEqualTo(ground);
    assertNear(image.getColor(x(200 * MS), top + 55), Palette.over(colour, Palette.stateOpacity(LaneState.SLEEPING), ground),
        "sleeping: a faint lower half");
    assertNear(image.getColor(x(300 * MS), top + 32), Palette.over(colour, 0.8, ground), "waiting: a line in the middle");
    assertThat(image.getColor(x(300 * MS), top + 20)).as("waiting: only a line").isEqualTo(ground);
    Set<Color> blocked = colours(image, x(360 * MS), x(440 * MS), top + 32);
    assertThat(blocked).as("blocked: a faint bar")
        .anySatisfy(c -> assertNear(c, Palette.over(colour, Palette.stateOpacity(LaneState.BLOCKED), ground), "blocked"))
        .as("blocked: hatched in the lane's colour").contains(colour);
    assertThat(image.getColor(x(500 * MS), top)).as("starting: edges in the lane's colour").isEqualTo(colour);
    assertNear(image.getColor(x(500 * MS), top + 32), Palette.over(colour, Palette.stateOpacity(LaneState.STARTING), ground),
        "starting: an empty box");
    Set<Color> paused = colours(image, x(560 * MS), x(640 * MS), top + 32);
    assertThat(paused).as("paused: upright bars").contains(colour)
        .as("paused: a faint bar").anySatisfy(c -> assertNear(c, Palette.over(colour, Palette.stateOpacity(LaneState.PAUSED), ground), "paused"));
  }

  @Test
  void aLockHeldTwiceIsTwoBarsAlongTheTop() throws Exception {
    PixelReader image = drawn(c -> {}).pixels();
    int top = rowTop(LayeredRun.STATES);

    assertThat(image.getColor(x(680 * MS), top + 2)).as("held once").isEqualTo(Palette.text());
    assertThat(image.getColor(x(680 * MS), top + 9)).as("no second bar yet").isEqualTo(laneColour(LayeredRun.STATES));
    assertThat(image.getColor(x(750 * MS), top + 9)).as("held twice").isEqualTo(Palette.text());
    assertThat(image.getColor(x(850 * MS), top + 2)).as("released").isEqualTo(laneColour(LayeredRun.STATES));
  }

  @Test
  void tasksAreOutlinedAFailedOneInTheFailureColourAndNamed() throws Exception {
    Drawn drawn = drawn(c -> {});
    int edge = rowTop(LayeredRun.WORKER) + 1;

    assertThat(drawn.pixels().getColor(x(200 * MS), edge)).as("a task's frame").isEqualTo(Palette.text());
    assertThat(drawn.pixels().getColor(x(400 * MS), edge)).as("a failed task's frame").isEqualTo(Palette.failure());
    assertThat(drawn.pixels().getColor(x(650 * MS), edge)).as("tiny tasks merged into one frame").isEqualTo(Palette.text());
    assertThat(drawn.pixels().getColor(x(550 * MS), edge)).as("between tasks").isEqualTo(laneColour(LayeredRun.WORKER));
    assertThat(drawn.labels()).contains("prime 17", "✗ #2");
  }

  @Test
  void printedLinesAreTicksStderrTallerInTheFailureColour() throws Exception {
    PixelReader image = drawn(c -> {}).pixels();
    int bottom = rowTop(LayeredRun.MAIN) + 64;

    assertThat(image.getColor(x(LayeredRun.PRINT), bottom - 10)).as("a line's tick").isEqualTo(Palette.text());
    assertThat(image.getColor(x(LayeredRun.PRINT), bottom - 40)).as("a short tick").isEqualTo(laneColour(LayeredRun.MAIN));
    assertThat(image.getColor(x(LayeredRun.STDERR), bottom - 40)).as("stderr's taller tick").isEqualTo(Palette.failure());
    assertThat(image.getColor(x(150 * MS), bottom - 10)).as("no line printed").isEqualTo(laneColour(LayeredRun.MAIN));
  }

  @Test
  void aMarkerIsADashedLineWithItsFlagAndValuesAndEndsAreLabelled() throws Exception {
    Drawn drawn = drawn(c -> {});
    int top = rowTop(LayeredRun.MAIN);
    int dark = 0;
    int light = 0;
    for (int y = top + 20; y < top + 64; y++) { // below the flag's label
      Color c = drawn.pixels().getColor(x(LayeredRun.MARKER), y);
      if (c.getBrightness() < laneColour(LayeredRun.MAIN).getBrightness() * 0.6) {
        dark++;
      } else if (c.equals(laneColour(LayeredRun.MAIN))) {
        light++;
      }
    }
    assertThat(dark).as("the marker's dashes").isGreaterThan(10);
    assertThat(light).as("the gaps between them").isGreaterThan(5);
    assertThat(drawn.pixels().getColor(x(LayeredRun.MAIN_END), top + 30)).as("the end's bar").isEqualTo(Palette.text());
    assertThat(drawn.pixels().getColor(x(LayeredRun.STATES_END), rowTop(LayeredRun.STATES) + 30))
        .as("a failed end's bar").isEqualTo(Palette.failure());
    assertThat(drawn.labels()).contains("⚑ phase one", "r5", "w6", "■ completed", "✗ exit 1", "■ exit 0");
  }

  @Test
  void spawnsAndHandOversAreArrowsBetweenTheLanes() throws Exception {
    PixelReader image = drawn(c -> {}).pixels();
    int spawnX = x(50 * MS);
    int middleOfFirstChild = rowTop(LayeredRun.STATES) + 32;

    assertNear(image.getColor(spawnX, rowTop(LayeredRun.WORKER) - 10), laneColour(LayeredRun.WORKER).darker(),
        "the spawn's line down to the last child");
    assertNear(image.getColor(spawnX + 4, middleOfFirstChild), laneColour(LayeredRun.STATES).darker(), "turning into the child's lane");
    int handOverX = (int) Math.round(TimelineCanvas.LABEL_WIDTH + 0.96 * 801);
    assertThat(image.getColor(handOverX, rowTop(LayeredRun.TAKER) - 12)).as("the hand-over's arrow").isEqualTo(Palette.link());
    assertThat(image.getColor(handOverX - 40, rowTop(LayeredRun.TAKER) - 12)).as("beside it").isNotEqualTo(Palette.link());
  }

  @Test
  void aQueueIsABarAsDeepAsItsTasksWithTheirNames() throws Exception {
    Drawn drawn = drawn(c -> {});
    int top = rowTop(LayeredRun.QUEUE);
    Color bar = Palette.over(Palette.mutedText(), 0.35, groundOf(LayeredRun.QUEUE));

    assertNear(drawn.pixels().getColor(x(200 * MS), top + 2), bar, "four waiting: the whole height");
    assertThat(drawn.pixels().getColor(x(80 * MS), top + 2)).as("two waiting: half of it").isEqualTo(groundOf(LayeredRun.QUEUE));
    assertNear(drawn.pixels().getColor(x(80 * MS), top + 60), bar, "two waiting: the lower half");
    assertThat(drawn.pixels().getColor(x(500 * MS), top + 60)).as("none waiting").isEqualTo(groundOf(LayeredRun.QUEUE));
    assertThat(drawn.labels()).contains("#1 #2");
  }

  @Test
  void eachLaneHasItsChipAndName() throws Exception {
    PixelReader image = drawn(c -> {}).pixels();
    for (int lane = 0; lane < trace.lanes().size(); lane++) {
      int top = rowTop(lane) - 4;
      Color chip = lane == LayeredRun.QUEUE ? Palette.mutedText() : laneColour(lane);
      assertThat(image.getColor(5, top + 36)).as("lane %d's chip", lane).isEqualTo(chip);
      int inked = 0;
      for (int y = top + 10; y < top + 36; y++) {
        for (int x = 18; x < 120; x++) {
          if (image.getColor(x, y).getBrightness() < 0.5) {
            inked++;
          }
        }
      }
      assertThat(inked).as("lane %d's name", lane).isGreaterThan(30);
    }
  }

  @Test
  void aReplayDrawsItsCursorAndOnlyWhatHappenedByThen() throws Exception {
    long cursor = 700 * MS;
    Drawn replay = drawn(c -> c.setCursor(cursor));
    Drawn whole = drawn(c -> {});
    int y = rowTop(LayeredRun.WORKER) + 30;

    assertThat(replay.pixels().getColor(x(cursor), y)).as("the cursor").isEqualTo(Palette.lane(0));
    assertThat(whole.pixels().getColor(x(cursor), y)).as("no cursor after the run").isNotEqualTo(Palette.lane(0));
    assertThat(replay.pixels().getColor(x(750 * MS), y)).as("nothing after the cursor").isEqualTo(groundOf(LayeredRun.WORKER));
    assertThat(replay.labels()).doesNotContain("✗ exit 1").contains("⚑ phase one");
  }

  @Test
  void thePointerOverAPrintedLineShowsItInATooltip() throws Exception {
    Drawn hovered = drawn(c -> {
      Canvas canvas = (Canvas) c.getChildrenUnmodifiable().get(0);
      double px = x(LayeredRun.PRINT) + 1;
      double py = rowTop(LayeredRun.MAIN) + 40;
      Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, px, py, px, py, MouseButton.NONE, 0,
          false, false, false, false, false, false, false, false, false, false, null));
    });
    int boxX = x(LayeredRun.PRINT) + 20;
    int boxY = rowTop(LayeredRun.MAIN) + 40 - 14 * 2; // the tooltip sits above the pointer

    Color tooltip = Palette.tooltipBackground();
    Color over = Palette.over(Color.color(tooltip.getRed(), tooltip.getGreen(), tooltip.getBlue()), tooltip.getOpacity(),
        laneColour(LayeredRun.MAIN));
    assertNear(hovered.pixels().getColor(boxX, boxY), over, "the tooltip's box, over the lane");
    assertThat(distance(drawn(c -> {}).pixels().getColor(boxX, boxY), over)).as("no pointer, no tooltip").isGreaterThan(0.1);
  }

  /** Mixed colours are rounded to 8 bits a channel by the rasterizer, not always as Palette.over rounds them. */
  private static void assertNear(Color actual, Color expected, String what) {
    assertThat(distance(actual, expected)).as("%s: %s, expected about %s", what, actual, expected).isLessThanOrEqualTo(2.5 / 255);
  }

  private static double distance(Color a, Color b) {
    return Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
  }

  private static Set<Color> colours(PixelReader image, int fromX, int toX, int y) {
    Set<Color> seen = new HashSet<>();
    for (int x = fromX; x < toX; x++) {
      seen.add(image.getColor(x, y));
    }
    return seen;
  }

  @Test
  void theLanesDrawnAsOnePictureLookAsTheirFillsDo() throws Exception {
    PixelReader fills = drawn(c -> c.lanesAsCanvasFills(true)).pixels();
    PixelReader picture = drawn(c -> c.lanesAsCanvasFills(false)).pixels();
    assertPictureLooksAsFills(fills, picture);
  }

  @Test
  void aReplayDrawnAsOnePictureLooksAsItsFillsDo() throws Exception {
    PixelReader fills = drawn(c -> {
      c.lanesAsCanvasFills(true);
      c.setCursor(700 * MS);
    }).pixels();
    PixelReader picture = drawn(c -> {
      c.lanesAsCanvasFills(false);
      c.setCursor(700 * MS);
    }).pixels();
    assertPictureLooksAsFills(fills, picture);
  }

  private static void assertPictureLooksAsFills(PixelReader fills, PixelReader picture) {
    int lanesArea = 0;
    int apart = 0;
    for (int y = (int) TimelineCanvas.AXIS_HEIGHT; y < HEIGHT; y++) {
      for (int x = (int) TimelineCanvas.LABEL_WIDTH; x < WIDTH; x++) {
        lanesArea++;
        if (distance(fills.getColor(x, y), picture.getColor(x, y)) > 0.1) {
          apart++;
        }
      }
    }
    // the two blend the edges that fall between pixels alike; the hatching's lines are traced a little differently
    assertThat(apart).as("pixels of the lanes that differ between the canvas's fills and the picture").isLessThan(lanesArea / 200);
  }

  private record Drawn(PixelReader pixels, List<String> labels) {}

  /** The run drawn once at 1200×560, showing 0 to 1 s, after {@code setup}. */
  private static Drawn drawn(Consumer<TimelineCanvas> setup) throws Exception {
    return HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), WIDTH, HEIGHT);
      canvas.resize(WIDTH, HEIGHT);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.setView(0, 1000 * MS);
      setup.accept(canvas);
      canvas.paint();
      List<String> labels = canvas.placedLabels().stream().map(p -> p.label().text()).toList();
      return new Drawn(canvas.snapshot(null, null).getPixelReader(), labels);
    });
  }
}
