package concurrencylab.ui;

import concurrencylab.trace.LaneState;
import javafx.scene.paint.Color;

/**
 * The one place for the colours drawn on canvases (the CSS holds the rest). Lane colours are the
 * Okabe–Ito set, chosen to stay distinct for colour-blind viewers; states differ in shape as well
 * as colour (see {@link TimelineCanvas}).
 */
public final class Palette {
  private static final Color[] LANES = {
    Color.web("#0072B2"), // blue
    Color.web("#E69F00"), // orange
    Color.web("#009E73"), // bluish green
    Color.web("#CC79A7"), // reddish purple
    Color.web("#56B4E9"), // sky blue
    Color.web("#D55E00"), // vermillion
    Color.web("#B8A600"), // yellow, darkened to read on white
    Color.web("#6B6B6B"), // grey
  };

  public static final Color BACKGROUND = Color.web("#ffffff");
  public static final Color STRIPE = Color.web("#f3f5f8");
  public static final Color GRID = Color.web("#d9dde3");
  public static final Color TEXT = Color.web("#1b1f24");
  public static final Color MUTED_TEXT = Color.web("#5b636e");
  public static final Color FAILURE = Color.web("#D55E00");
  public static final Color TOOLTIP_BACKGROUND = Color.web("#1b1f24", 0.92);
  public static final Color TOOLTIP_TEXT = Color.web("#ffffff");

  private Palette() {}

  public static Color lane(int colorIndex) {
    return LANES[Math.floorMod(colorIndex, LANES.length)];
  }

  /** The lane colour as a CSS value, for controls that style themselves. */
  public static String laneCss(int colorIndex) {
    Color c = lane(colorIndex);
    return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
  }

  /** How strongly a state is filled: running solid, sleeping faint, waiting and blocked outlined. */
  public static double stateOpacity(LaneState state) {
    return switch (state) {
      case RUNNING -> 1.0;
      case SLEEPING -> 0.35;
      case WAITING, BLOCKED -> 0.18;
      case ENDED -> 0.0;
    };
  }
}
