package concurrencylab.ui.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a frame's timeline labels go, so that none is drawn over another: every label is offered
 * with the places it could take, then placed once per frame in order of priority, each in the
 * first of its places that stays inside its lane and overlaps no label placed before it in that
 * lane; a label with no such place is folded (left out and counted; its event still shows in the
 * details on click). The cost is bounded by what is on screen: the placed labels of a lane cannot
 * overlap, so there are no more of them than fit side by side.
 *
 * @param <T> what the canvas needs to draw a placed label
 */
public final class LabelPlacement<T> {
  /** Which labels win a place first: what went wrong, then how each lane ended, then the rest. */
  public enum Priority {
    FAILURE,
    END,
    PHASE,
    TASK,
    VALUE
  }

  /** A placed label: its box in canvas coordinates, in lane {@code lane}. */
  public record Placed<T>(int lane, double x, double y, double width, double height, T label) {
    boolean overlaps(double ox, double oy, double ow, double oh) {
      return ox < x + width && x < ox + ow && oy < y + height && y < oy + oh;
    }
  }

  private record Offer<T>(Priority priority, int order, int lane, double[] places, double width, double height,
      double minX, double maxX, double minY, double maxY, T label) {}

  private final List<Offer<T>> offers = new ArrayList<>();
  private final List<Placed<T>> placed = new ArrayList<>();
  private List<Placed<T>>[] byLane = newLanes(0);
  private int folded;

  /** Forgets the last frame's labels. */
  public void clear() {
    offers.clear();
    placed.clear();
    folded = 0;
  }

  /**
   * Offers a label of {@code width × height} for lane {@code lane}, at the first of {@code places}
   * (x, y pairs of its top-left corner, best first) that lies within {@code minX..maxX} ×
   * {@code minY..maxY} and is free.
   */
  public void offer(Priority priority, int lane, double width, double height, double minX, double maxX, double minY, double maxY,
      T label, double... places) {
    offers.add(new Offer<>(priority, offers.size(), lane, places, width, height, minX, maxX, minY, maxY, label));
  }

  /** Places what was offered since {@link #clear}, by priority and, within one, in the order offered. */
  public List<Placed<T>> place(int laneCount) {
    if (byLane.length < laneCount) {
      byLane = newLanes(laneCount);
    }
    for (List<Placed<T>> lane : byLane) {
      lane.clear();
    }
    offers.sort((a, b) -> a.priority() != b.priority() ? a.priority().compareTo(b.priority()) : Integer.compare(a.order(), b.order()));
    for (Offer<T> offer : offers) {
      Placed<T> box = firstFree(offer);
      if (box == null) {
        folded++;
      } else {
        placed.add(box);
        byLane[offer.lane()].add(box);
      }
    }
    offers.clear();
    return placed;
  }

  private Placed<T> firstFree(Offer<T> offer) {
    double[] places = offer.places();
    double w = offer.width();
    double h = offer.height();
    for (int i = 0; i + 1 < places.length; i += 2) {
      double x = places[i];
      double y = places[i + 1];
      if (x < offer.minX() || x + w > offer.maxX() || y < offer.minY() - 0.01 || y + h > offer.maxY() + 0.01) {
        continue;
      }
      boolean free = true;
      for (Placed<T> other : byLane[offer.lane()]) {
        if (other.overlaps(x, y, w, h)) {
          free = false;
          break;
        }
      }
      if (free) {
        return new Placed<>(offer.lane(), x, y, w, h, offer.label());
      }
    }
    return null;
  }

  /** The labels placed by the last {@link #place}. */
  public List<Placed<T>> placed() {
    return placed;
  }

  /** How many labels the last {@link #place} had to leave out. */
  public int folded() {
    return folded;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<Placed<T>>[] newLanes(int count) {
    List<Placed<T>>[] lanes = new List[count];
    Arrays.setAll(lanes, i -> new ArrayList<>());
    return lanes;
  }
}
