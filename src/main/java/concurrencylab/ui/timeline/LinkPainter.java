package concurrencylab.ui.timeline;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.LinkTable;
import concurrencylab.trace.Trace;
import concurrencylab.ui.look.Palette;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The arrows between lanes: a parent's spawns, each a line from the parent down to the child that
 * turns into the child's lane, and every other link (a lock handed over, a put taken, a notify
 * that wakes) from the event it starts at to the one it leads to. Drawn in plain fills: the
 * rasterizer traces no path but a spawn's head.
 */
public final class LinkPainter {
  /** Pixels between the arrows of links; links that end closer than this to the last are not drawn. */
  static final double LINK_GAP = 4;

  private LinkPainter() {}

  /**
   * The parent's line drops to each child's lane and turns into it, with an arrowhead, where the
   * child begins; a dot marks the branching point, once per pixel. Only the arrowhead is a shape
   * the rasterizer has to trace: the lines are plain fills, so a fan of many children stays cheap.
   * Lanes are clipped to {@code lanesTop..lanesBottom} (whole pixels): what lies beyond is not drawn.
   */
  static void paintSpawns(Fills g, FrameSpan span, Trace trace, Lane parent, LaneLayout lanes, double lanesBottom,
      double scale) {
    LaneTrack track = trace.store().track(parent.id());
    LaneTrack.IndexList marks = track.marks();
    double reach = 14 * scale;
    double lanesTop = lanes.axisHeight();
    double y0 = lanes.middle(parent.id());
    boolean dotShows = y0 + 4 > lanesTop && y0 - 4 < lanesBottom;
    double lastDot = Double.NaN;
    for (int k = marks.firstAtOrAfter(span.start()); k < marks.size() && marks.timeOf(k) <= span.limit(); k++) {
      int index = marks.get(k);
      if (track.kind(index) != EventKind.SPAWN) {
        continue;
      }
      int child = (int) track.value(index);
      double x = span.x(marks.timeOf(k));
      double y1 = lanes.middle(child);
      if (Math.max(y0, y1) + 5 <= lanesTop || Math.min(y0, y1) - 5 >= lanesBottom) {
        continue; // the whole spawn lies under the axis or below the canvas
      }
      Color colour = Palette.lane(trace.lane(child).colorIndex()).darker();
      // the line cut short just past the clip: the same pixels, fewer of them to fill
      SolidShapes.verticalLine(g, colour, x, Math.max(lanesTop - 2, Math.min(y0, y1)), Math.min(lanesBottom + 2, Math.max(y0, y1)), 2);
      if (y1 + 5 > lanesTop && y1 - 5 < lanesBottom) {
        g.fill(colour, x, y1 - 1, reach - 7, 2);
        g.triangle(colour, x + reach, y1, x + reach - 8, y1 - 5, x + reach - 8, y1 + 5);
      }
      if (Math.round(x) != Math.round(lastDot)) {
        if (dotShows) {
          g.oval(colour, x - 4, y0 - 4, 8, 8);
        }
        lastDot = x;
      }
    }
  }

  /**
   * Every link but the spawns (drawn from the spawn marks) as an arrow from the lane and time it
   * starts at to the lane and time it leads to: along the first lane, then across to the inner
   * edge of the other. Only links that have completed by the frame's limit are drawn, so a replay
   * shows each hand-over as it happens; and only one per {@link #LINK_GAP} pixels.
   */
  static void paintLinks(Fills g, FrameSpan span, LinkTable links, int laneCount, LaneLayout lanes, double scale) {
    int k = links.firstToAtOrAfter(span.start());
    if (k >= links.size() || links.toTime(k) > span.limit()) {
      return;
    }
    Color strong = Palette.link();
    Color faint = itemColour();
    double bottom = lanes.top(laneCount);
    while (k < links.size() && links.toTime(k) <= span.limit()) {
      int from = links.fromLane(k);
      int to = links.toLane(k);
      if (links.kind(k) == LinkKind.SPAWN || from == to || from >= laneCount || to >= laneCount) {
        k++;
        continue;
      }
      // a queue's items are many (a Pool's every task): their arrows are faint, the hand-overs and joins stand out
      Color fill = links.kind(k) == LinkKind.ITEM ? faint : strong;
      double x1 = Math.round(span.x(links.toTime(k)));
      double x0 = Math.max(span.left(), Math.round(span.x(links.fromTime(k))));
      double y0 = lanes.middle(from);
      double y1 = to > from ? lanes.top(to) + 3 : lanes.top(to + 1) - 3;
      if (Math.min(y0, y1) < bottom && Math.max(y0, y1) >= lanes.axisHeight()) {
        fillArrow(g, fill, x0, y0, x1, y1, scale);
      }
      k = Math.max(k + 1, links.firstToAtOrAfter(span.time(x1 + LINK_GAP)));
    }
  }

  /** The colour of a put → get arrow: the links' colour, faint, as a solid mix with the background. */
  public static Color itemColour() {
    return Palette.over(Palette.link(), 0.35, Palette.background());
  }

  /**
   * An arrow from (x0, y0) along to x1, then up or down to y1, where its head points: a line of two
   * fills and a head of three, stepped, so the rasterizer never traces a path. The legend draws it
   * too.
   */
  public static void fillArrow(GraphicsContext g, double x0, double y0, double x1, double y1, double scale) {
    fillArrow(Fills.of(g), (Color) g.getFill(), x0, y0, x1, y1, scale);
  }

  /** The arrow of {@link #fillArrow(GraphicsContext, double, double, double, double, double)} in {@code colour}. */
  static void fillArrow(Fills g, Color colour, double x0, double y0, double x1, double y1, double scale) {
    double line = Math.max(2, Math.round(2 * scale));
    double head = Math.round(8 * scale);
    double half = Math.round(5 * scale);
    double direction = Math.signum(y1 - y0);
    if (x1 - x0 >= 1) {
      g.fill(colour, x0, y0 - line / 2, x1 - x0, line);
    }
    double shaftEnd = y1 - direction * head;
    g.fill(colour, x1 - line / 2, Math.min(y0, shaftEnd) - line / 2, line, Math.abs(shaftEnd - y0) + line);
    double step = head / 3;
    for (int i = 0; i < 3; i++) {
      double w = Math.max(line, Math.round(half * 2 * (3 - i) / 3));
      double top = direction > 0 ? shaftEnd + i * step : shaftEnd - (i + 1) * step;
      g.fill(colour, x1 - w / 2, top, w, step);
    }
  }
}
