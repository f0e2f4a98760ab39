package concurrencylab.trace;

import java.util.Arrays;

/**
 * The events of one lane in time order: parallel primitive arrays for all events, plus index
 * arrays per category (lines, states, tasks, marks) so each can be searched by time on its own.
 */
public final class LaneTrack {
  static final LaneTrack EMPTY = new LaneTrack();
  private static final EventKind[] KINDS = EventKind.values();
  private static final LaneState[] STATES = LaneState.values();

  private long[] times = new long[16];
  private byte[] kinds = new byte[16];
  /**
   * The values while every one fits in an int (counts, ids, states: nearly always), else null and
   * {@link #longValues} holds them: half the memory for the usual run.
   */
  private int[] values = new int[16];
  private long[] longValues;
  /** Made with the lane's first text: a lane of states and counters pays nothing for texts. */
  private String[] texts;
  private int size;

  private final IndexList lines = new IndexList();
  private final IndexList states = new IndexList();
  private final IndexList tasks = new IndexList();
  private final IndexList marks = new IndexList();
  private final IndexList locks = new IndexList();
  /** Waits, notifies, wakes, sets, clears, puts, gets and a barrier's arrivals and releases. */
  private final IndexList signals = new IndexList();
  /**
   * The events that act on a synchronisation object, and that object's id side by side: only these
   * pay for an id, so a lane of printed lines costs what it did before objects existed.
   */
  private final IndexList objects = new IndexList();
  private int[] objectIds = new int[8];
  /** For each entry of {@link #states}, the state it puts the lane in, side by side for sweeps. */
  private byte[] entryStates = new byte[8];
  /** The task failures again, so that a view can find every one without walking all tasks. */
  private final IndexList failures = new IndexList();

  /**
   * Appends an event; a time earlier than the lane's last one is moved up to it, so the lane stays
   * sorted even when two threads raced between stamping and handing in.
   */
  TraceEvent add(TraceEvent event) {
    long time = size > 0 ? Math.max(event.time(), times[size - 1]) : event.time();
    if (size == times.length) {
      int grown = size * 2;
      times = Arrays.copyOf(times, grown);
      kinds = Arrays.copyOf(kinds, grown);
      if (values != null) {
        values = Arrays.copyOf(values, grown);
      } else {
        longValues = Arrays.copyOf(longValues, grown);
      }
      if (texts != null) {
        texts = Arrays.copyOf(texts, grown);
      }
    }
    times[size] = time;
    kinds[size] = (byte) event.kind().ordinal();
    putValue(event.value());
    if (!event.text().isEmpty()) {
      if (texts == null) {
        texts = new String[times.length];
      }
      texts[size] = event.text();
    }
    IndexList category = categoryOf(event.kind());
    if (category == states) {
      if (states.size() == entryStates.length) {
        entryStates = Arrays.copyOf(entryStates, entryStates.length * 2);
      }
      entryStates[states.size()] = (byte) stateOf(event.kind(), event.value()).ordinal();
    }
    byte kind = (byte) event.kind().ordinal();
    category.add(size, time, kind);
    if (event.kind() == EventKind.TASK_FAILED) {
      failures.add(size, time, kind);
    }
    if (event.object() != TraceEvent.NO_OBJECT) {
      if (objects.size() == objectIds.length) {
        objectIds = Arrays.copyOf(objectIds, objectIds.length * 2);
      }
      objectIds[objects.size()] = event.object();
      objects.add(size, time, kind);
    }
    size++;
    return time == event.time()
        ? event
        : new TraceEvent(event.lane(), time, event.kind(), event.value(), event.text(), event.object());
  }

  private void putValue(long value) {
    if (values != null && value != (int) value) {
      longValues = new long[values.length];
      for (int i = 0; i < size; i++) {
        longValues[i] = values[i];
      }
      values = null;
    }
    if (values != null) {
      values[size] = (int) value;
    } else {
      longValues[size] = value;
    }
  }

  private IndexList categoryOf(EventKind kind) {
    return switch (kind) {
      case PRINT, STDERR -> lines;
      case STATE, START, END -> states;
      case TASK_BEGIN, TASK_END, TASK_FAILED -> tasks;
      case LOCK_WAIT, LOCK_ACQUIRED, LOCK_RELEASED -> locks;
      case WAIT, NOTIFY, WAKE, SET, CLEAR, PUT, GET, ARRIVE, BARRIER_RELEASE -> signals;
      default -> marks;
    };
  }

  public int size() {
    return size;
  }

  public long time(int index) {
    return times[index];
  }

  public EventKind kind(int index) {
    return KINDS[kinds[index]];
  }

  public long value(int index) {
    return values != null ? values[index] : longValues[index];
  }

  public String text(int index) {
    String text = texts == null ? null : texts[index];
    return text == null ? "" : text;
  }

  public TraceEvent event(int laneId, int index) {
    return new TraceEvent(laneId, times[index], kind(index), value(index), text(index), object(index));
  }

  /** The id of the synchronisation object event {@code index} acts on, or {@link TraceEvent#NO_OBJECT}. */
  public int object(int index) {
    int k = objects.find(index);
    return k < 0 ? TraceEvent.NO_OBJECT : objectIds[k];
  }

  /** The events that act on a synchronisation object ({@link #object(int)} names it). */
  public IndexList objects() {
    return objects;
  }

  /** The object id of the k-th entry of {@link #objects()}. */
  public int objectOfEntry(int k) {
    return objectIds[k];
  }

  /** Printed lines (stdout and stderr). */
  public IndexList lines() {
    return lines;
  }

  /** Start, state changes and end. */
  public IndexList states() {
    return states;
  }

  /** The index of the lane's END event; -1 while it has not ended. */
  public int endIndex() {
    if (states.size() == 0) {
      return -1;
    }
    int last = states.get(states.size() - 1);
    return kind(last) == EventKind.END ? last : -1;
  }

  public IndexList tasks() {
    return tasks;
  }

  public IndexList failures() {
    return failures;
  }

  /** The event that began the task ended by event {@code endIndex}; {@code endIndex} when none did. */
  public int taskBegin(int endIndex) {
    int k = tasks.lastAtOrBefore(times[endIndex]);
    while (k >= 0 && tasks.get(k) != endIndex) {
      k--;
    }
    return k > 0 && kind(tasks.get(k - 1)) == EventKind.TASK_BEGIN ? tasks.get(k - 1) : endIndex;
  }

  /** Spawns, counter reads and writes, and markers. */
  public IndexList marks() {
    return marks;
  }

  /** Waiting for, acquiring and releasing a lock (or a semaphore's permit). */
  public IndexList locks() {
    return locks;
  }

  /** The other events of synchronisation objects: waits, notifies, sets, puts, gets, barriers. */
  public IndexList signals() {
    return signals;
  }

  /** The index of the last event at or before {@code time}; -1 when there is none. */
  public int lastIndexAtOrBefore(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] <= time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low - 1;
  }

  /** The state of the lane at a time, or null before it started. */
  public LaneState stateAt(long time) {
    int k = states.lastAtOrBefore(time);
    return k < 0 ? null : stateAfter(k);
  }

  /** The state the k-th entry of {@link #states()} puts the lane in. */
  public LaneState stateAfter(int k) {
    return STATES[entryStates[k]];
  }

  /** The state a state-changing event (a start, a state change, an end) puts the lane in. */
  private static LaneState stateOf(EventKind kind, long value) {
    return switch (kind) {
      case START -> LaneState.RUNNING;
      case END -> LaneState.ENDED;
      default -> STATES[(int) value];
    };
  }

  /**
   * A growable list of event indices of one category, searchable by the events' times.
   *
   * <p>The timeline searches it once or more per pixel column, left to right, so each search starts
   * from where the previous one ended and gallops outwards: a frame costs about the number of
   * columns, not columns times log(events). The start point is only a hint; whatever its value,
   * the answer is that of a plain binary search.
   */
  public static final class IndexList {
    private int[] indices = new int[8];
    /** The entries' times again, side by side: a sweep over them reads memory in order. */
    private long[] entryTimes = new long[8];
    /**
     * The entries' kinds again, side by side: a sweep that tells a line from stderr or a task's end
     * from its failure reads them in order too, not scattered over the lane's events.
     */
    private byte[] entryKinds = new byte[8];
    private int count;
    private int hint;
    private static final int SHORT_WALK = 8;

    void add(int index, long time, byte kind) {
      if (count == indices.length) {
        indices = Arrays.copyOf(indices, count * 2);
        entryTimes = Arrays.copyOf(entryTimes, count * 2);
        entryKinds = Arrays.copyOf(entryKinds, count * 2);
      }
      indices[count] = index;
      entryTimes[count] = time;
      entryKinds[count] = kind;
      count++;
    }

    public int size() {
      return count;
    }

    /** The event index of the k-th entry. */
    public int get(int k) {
      return indices[k];
    }

    public long timeOf(int k) {
      return entryTimes[k];
    }

    /** The kind of the k-th entry's event: {@code track.kind(get(k))}, read from beside its time. */
    public EventKind kindOf(int k) {
      return KINDS[entryKinds[k]];
    }

    /** The entry of event {@code index}, or -1 when it is not in this list (entries rise by index). */
    public int find(int index) {
      int k = Arrays.binarySearch(indices, 0, count, index);
      return k >= 0 ? k : -1;
    }

    /** The first entry whose time is at or after {@code time}; {@link #size()} when none is. */
    public int firstAtOrAfter(long time) {
      return countBefore(time, false);
    }

    /** The last entry whose time is at or before {@code time}; -1 when none is. */
    public int lastAtOrBefore(long time) {
      return countBefore(time, true) - 1;
    }

    /** How many entries come before {@code time} (or at it, when {@code inclusive}). */
    private int countBefore(long time, boolean inclusive) {
      int from = Math.min(hint, count);
      int low;
      int high;
      if (from < count && isBefore(from, time, inclusive)) {
        // the answer is usually a few entries on (the next pixel column): walk there first
        int walked = from + 1;
        while (walked < count && walked - from <= SHORT_WALK && isBefore(walked, time, inclusive)) {
          walked++;
        }
        if (walked == count || !isBefore(walked, time, inclusive)) {
          hint = walked;
          return walked;
        }
        from = walked;
        low = from + 1;
        high = from + 1;
        for (int step = 1; high < count && isBefore(high, time, inclusive); step <<= 1) {
          low = high + 1;
          high = from + 2 * step;
        }
        high = Math.min(high, count);
      } else {
        high = from;
        low = from - 1;
        for (int step = 1; low >= 0 && !isBefore(low, time, inclusive); step <<= 1) {
          high = low;
          low = from - 2 * step;
        }
        low = Math.max(low + 1, 0);
      }
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (isBefore(mid, time, inclusive)) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      hint = low;
      return low;
    }

    private boolean isBefore(int k, long time, boolean inclusive) {
      long t = entryTimes[k];
      return inclusive ? t <= time : t < time;
    }
  }
}
