package concurrencylab.ui.look;

import concurrencylab.trace.LaneState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.paint.Color;
import javafx.scene.text.FontWeight;

/**
 * The colours drawn on canvases, read from the theme's stylesheet: each is a looked-up colour there
 * ({@code -lab-background}, {@code -lab-lane-1} …), the one place it is defined. Lane colours are
 * the Okabe–Ito set, chosen to stay distinct for colour-blind viewers; states differ in shape as
 * well as colour (see {@code TimelineCanvas}).
 */
public final class Palette {
  /** How many lane colours each theme defines, {@code -lab-lane-1} to {@code -lab-lane-8}. */
  public static final int LANE_COLORS = 8;

  /** The canvas colours of one theme. */
  private record Colors(
      Color background, Color stripe, Color grid, Color text, Color muted, Color failure, Color tooltipBackground,
      Color tooltipText, Color link, Color[] lanes) {
    static final List<String> NAMES = names();

    private static List<String> names() {
      List<String> names = new ArrayList<>(List.of("-lab-background", "-lab-stripe", "-lab-grid", "-lab-text", "-lab-muted",
          "-lab-failure", "-lab-tooltip-background", "-lab-tooltip-text", "-lab-link"));
      for (int lane = 0; lane < LANE_COLORS; lane++) {
        names.add(laneColorName(lane));
      }
      return List.copyOf(names);
    }

    static Colors of(Map<String, Color> read) {
      Color[] lanes = new Color[LANE_COLORS];
      for (int lane = 0; lane < LANE_COLORS; lane++) {
        lanes[lane] = read.get(laneColorName(lane));
      }
      return new Colors(read.get("-lab-background"), read.get("-lab-stripe"), read.get("-lab-grid"), read.get("-lab-text"),
          read.get("-lab-muted"), read.get("-lab-failure"), read.get("-lab-tooltip-background"), read.get("-lab-tooltip-text"),
          read.get("-lab-link"), lanes);
    }
  }

  /** Each theme's colours, read from its stylesheet the first time the theme is used. */
  private static final Map<Theme, Colors> READ = new ConcurrentHashMap<>();
  private static volatile Theme theme = Theme.LIGHT;
  private static volatile Colors current;

  private Palette() {}

  /** Switches the canvas colours; the stylesheet is switched by the window. */
  public static void use(Theme now) {
    Colors colors = colorsOf(now);
    theme = now;
    current = colors;
  }

  /**
   * The weight of ordinary text drawn on canvases: bold in high contrast, as the stylesheet makes
   * the controls' text, so thin strokes do not fade into the background.
   */
  public static FontWeight textWeight() {
    return theme == Theme.HIGH_CONTRAST ? FontWeight.BOLD : FontWeight.NORMAL;
  }

  /** The theme whose colours are drawn now. */
  public static Theme theme() {
    return theme;
  }

  private static Colors current() {
    Colors colors = current;
    if (colors == null) {
      colors = colorsOf(theme);
      current = colors;
    }
    return colors;
  }

  // not computeIfAbsent: reading waits for the FX thread, which may want the map meanwhile
  private static Colors colorsOf(Theme wanted) {
    Colors known = READ.get(wanted);
    if (known != null) {
      return known;
    }
    Colors read = Colors.of(LookedUpColors.read(wanted, Colors.NAMES));
    Colors raced = READ.putIfAbsent(wanted, read);
    return raced != null ? raced : read;
  }

  /** The looked-up colour in the stylesheets of lane colour {@code colorIndex} (0-based). */
  public static String laneColorName(int colorIndex) {
    return "-lab-lane-" + (Math.floorMod(colorIndex, LANE_COLORS) + 1);
  }

  public static Color background() {
    return current().background();
  }

  public static Color stripe() {
    return current().stripe();
  }

  public static Color grid() {
    return current().grid();
  }

  public static Color text() {
    return current().text();
  }

  public static Color mutedText() {
    return current().muted();
  }

  public static Color failure() {
    return current().failure();
  }

  public static Color tooltipBackground() {
    return current().tooltipBackground();
  }

  public static Color tooltipText() {
    return current().tooltipText();
  }

  /**
   * Arrows from one event to the one it let happen (a lock's hand-over, a join): a colour of no
   * lane, dark on light grounds and light on dark ones, so an arrow stands out from the bars it
   * crosses.
   */
  public static Color link() {
    return current().link();
  }

  public static Color lane(int colorIndex) {
    return current().lanes()[Math.floorMod(colorIndex, LANE_COLORS)];
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
