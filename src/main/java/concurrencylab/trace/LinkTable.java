package concurrencylab.trace;

import java.util.Arrays;

/**
 * The links of a run: from one event to the event it let happen, each end named by its lane and
 * its index on that lane's {@link LaneTrack} (an event's index never changes once it is synced, so
 * lane and index are its stable id). Kept in parallel primitive arrays sorted by the time of the
 * "to" end, so that the timeline finds the links that complete in a stretch of time by binary
 * search, and a million of them cost about 40 bytes each.
 *
 * <p>Links usually arrive in that order (the side that was let through makes the link right after
 * its own event); one that arrives late is moved back into place.
 */
public final class LinkTable {
  private static final LinkKind[] KINDS = LinkKind.values();
  private int[] fromLanes = new int[8];
  private int[] fromIndices = new int[8];
  private int[] toLanes = new int[8];
  private int[] toIndices = new int[8];
  private long[] fromTimes = new long[8];
  private long[] toTimes = new long[8];
  private byte[] kinds = new byte[8];
  private int count;
  private long longestSpan;

  void add(int fromLane, int fromIndex, long fromTime, int toLane, int toIndex, long toTime, LinkKind kind) {
    if (count == toTimes.length) {
      int grown = count * 2;
      fromLanes = Arrays.copyOf(fromLanes, grown);
      fromIndices = Arrays.copyOf(fromIndices, grown);
      toLanes = Arrays.copyOf(toLanes, grown);
      toIndices = Arrays.copyOf(toIndices, grown);
      fromTimes = Arrays.copyOf(fromTimes, grown);
      toTimes = Arrays.copyOf(toTimes, grown);
      kinds = Arrays.copyOf(kinds, grown);
    }
    int at = count;
    while (at > 0 && toTimes[at - 1] > toTime) {
      at--;
    }
    if (at < count) {
      int moved = count - at;
      System.arraycopy(fromLanes, at, fromLanes, at + 1, moved);
      System.arraycopy(fromIndices, at, fromIndices, at + 1, moved);
      System.arraycopy(toLanes, at, toLanes, at + 1, moved);
      System.arraycopy(toIndices, at, toIndices, at + 1, moved);
      System.arraycopy(fromTimes, at, fromTimes, at + 1, moved);
      System.arraycopy(toTimes, at, toTimes, at + 1, moved);
      System.arraycopy(kinds, at, kinds, at + 1, moved);
    }
    fromLanes[at] = fromLane;
    fromIndices[at] = fromIndex;
    toLanes[at] = toLane;
    toIndices[at] = toIndex;
    fromTimes[at] = fromTime;
    toTimes[at] = toTime;
    kinds[at] = (byte) kind.ordinal();
    longestSpan = Math.max(longestSpan, Math.abs(toTime - fromTime));
    count++;
  }

  public int size() {
    return count;
  }

  public int fromLane(int k) {
    return fromLanes[k];
  }

  public int fromIndex(int k) {
    return fromIndices[k];
  }

  public long fromTime(int k) {
    return fromTimes[k];
  }

  public int toLane(int k) {
    return toLanes[k];
  }

  public int toIndex(int k) {
    return toIndices[k];
  }

  public long toTime(int k) {
    return toTimes[k];
  }

  public LinkKind kind(int k) {
    return KINDS[kinds[k]];
  }

  /** The longest time between the two ends of any link, for a view that searches by one end. */
  public long longestSpan() {
    return longestSpan;
  }

  /** The first link whose "to" end is at or after {@code time}; {@link #size()} when none is. */
  public int firstToAtOrAfter(long time) {
    int low = 0;
    int high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (toTimes[mid] < time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
