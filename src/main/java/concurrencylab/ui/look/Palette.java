package concurrencylab.ui.look;

import concurrencylab.trace.LaneState;
import javafx.scene.paint.Color;

/**
 * The one place for the colours drawn on canvases (the stylesheets hold the rest, as looked-up
 * colours with the same names). Lane colours are the Okabe–Ito set, chosen to stay distinct for
 * colour-blind viewers; states differ in shape as well as colour (see {@link TimelineCanvas}).
 */
public final class Palette {
  /** The canvas colours of one theme. */
  private record Colors(
      Color background, Color stripe, Color grid, Color text, Color muted, Color failure, Color tooltipBackground,
      Color tooltipText, Color link, Color[] lanes) {}

  private static final Color[] OKABE_ITO = {
    Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"),
    Color.web("#56B4E9"), Color.web("#D55E00"), Color.web("#B8A600"), Color.web("#6B6B6B"),
  };
  private static final Color[] OKABE_ITO_ON_DARK = {
    Color.web("#3DA5E0"), Color.web("#E69F00"), Color.web("#1FBF8F"), Color.web("#DE8FBB"),
    Color.web("#56B4E9"), Color.web("#F07A2A"), Color.web("#F0E442"), Color.web("#A8A8A8"),
  };
  private static final Colors LIGHT = new Colors(
      Color.web("#ffffff"), Color.web("#f3f5f8"), Color.web("#d9dde3"), Color.web("#1b1f24"), Color.web("#5b636e"),
      Color.web("#B84A00"), Color.web("#1b1f24", 0.92), Color.web("#ffffff"), Color.web("#6A1B9A"), OKABE_ITO);
  private static final Colors DARK = new Colors(
      Color.web("#15191e"), Color.web("#1d232a"), Color.web("#333b45"), Color.web("#e8ecf1"), Color.web("#9aa4b0"),
      Color.web("#FF8A3D"), Color.web("#e8ecf1", 0.94), Color.web("#15191e"), Color.web("#D9B8FF"), OKABE_ITO_ON_DARK);
  private static final Colors HIGH_CONTRAST = new Colors(
      Color.web("#000000"), Color.web("#101010"), Color.web("#707070"), Color.web("#ffffff"), Color.web("#e0e0e0"),
      Color.web("#FF9E4A"), Color.web("#ffffff"), Color.web("#000000"), Color.web("#FF66FF"), OKABE_ITO_ON_DARK);

  private static volatile Colors current = LIGHT;

  private Palette() {}

  /** Switches the canvas colours; the stylesheet is switched by the window. */
  public static void use(Theme theme) {
    current = switch (theme) {
      case LIGHT -> LIGHT;
      case DARK -> DARK;
      case HIGH_CONTRAST -> HIGH_CONTRAST;
    };
  }

  public static Color background() {
    return current.background();
  }

  public static Color stripe() {
    return current.stripe();
  }

  public static Color grid() {
    return current.grid();
  }

  public static Color text() {
    return current.text();
  }

  public static Color mutedText() {
    return current.muted();
  }

  public static Color failure() {
    return current.failure();
  }

  public static Color tooltipBackground() {
    return current.tooltipBackground();
  }

  public static Color tooltipText() {
    return current.tooltipText();
  }

  /**
   * Arrows from one event to the one it let happen (a lock's hand-over, a join): a colour of no
   * lane, dark on light grounds and light on dark ones, so an arrow stands out from the bars it
   * crosses.
   */
  public static Color link() {
    return current.link();
  }

  public static Color lane(int colorIndex) {
    Color[] lanes = current.lanes();
    return lanes[Math.floorMod(colorIndex, lanes.length)];
  }

  /** The lane colour as a CSS value, for controls that style themselves. */
  public static String laneCss(int colorIndex) {
    return css(lane(colorIndex));
  }

  /** The colour a lane is drawn in everywhere (timeline, console): a queue lane in the muted text colour. */
  public static Color of(concurrencylab.trace.Lane lane) {
    return lane.kind() == concurrencylab.trace.LaneKind.QUEUE ? mutedText() : lane(lane.colorIndex());
  }

  /** Black or white, whichever reads better on {@code ground} (the higher WCAG contrast). */
  public static Color textOn(Color ground) {
    return contrast(ground, Color.BLACK) >= contrast(ground, Color.WHITE) ? Color.BLACK : Color.WHITE;
  }

  public static String css(Color c) {
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
        (int) Math.round(c.getBlue() * 255));
  }

  /**
   * {@code color} seen at {@code opacity} over {@code ground}, as one solid colour: the software
   * renderer fills a translucent pixel about ten times slower than a solid one.
   */
  public static Color over(Color color, double opacity, Color ground) {
    return ground.interpolate(color, opacity);
  }

  /** How strongly a state is filled: running solid, sleeping faint, waiting and blocked outlined. */
  public static double stateOpacity(LaneState state) {
    return switch (state) {
      case RUNNING -> 1.0;
      case SLEEPING -> 0.35;
      case WAITING, BLOCKED, STARTING -> 0.18;
      case PAUSED -> 0.3;
      case ENDED -> 0.0;
    };
  }

  /** Black or white, whichever reads better on the lane's colour (the higher WCAG contrast). */
  public static Color onLane(int colorIndex) {
    return textOn(lane(colorIndex));
  }

  /** The WCAG 2 contrast ratio of two colours, 1 to 21. */
  public static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double channel) {
    return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  }
}
