package concurrencylab.lesson.progress;

import concurrencylab.lesson.RunSnapshot;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the progress lesson's Python run did, read from its events as they arrive: the script's
 * event loop takes each event from one queue, or gives up waiting when a frame's time has passed,
 * so every GET or given-up wait on that queue by the loop's thread is a turn of the loop, and the
 * time between two turns is how long the window would not have answered. Each event taken after
 * the first (the click that starts the job) draws one step of the bar of the thread that put it.
 */
public final class LoopTurns {
  /** What one batch of events added. */
  public record Batch(long[] gapsNanos, Map<Integer, Integer> drawnByLane) {}

  private final Trace trace;
  private int loopLane = -1;
  private long lastTurn = -1;
  private long longestGap;
  /** When the longest gap began: the turn before it. */
  private long longestGapStart = -1;
  private int gaps;
  private boolean clickTaken;
  private final Deque<Integer> putters = new ArrayDeque<>();
  private final Map<Integer, Integer> drawn = new LinkedHashMap<>();

  public LoopTurns(Trace trace) {
    this.trace = trace;
  }

  /** Whether this run is the progress lesson's Python, whose events this reads. */
  public static boolean applies(Trace trace) {
    return trace.runInfo().lessonId().equals("progress") && RunSnapshot.ranPython(trace.runInfo());
  }

  /** Reads one batch of the run's events, in the order they were recorded. */
  public Batch add(List<TraceEvent> events) {
    long[] found = new long[events.size()];
    int count = 0;
    Map<Integer, Integer> changed = new LinkedHashMap<>();
    for (TraceEvent e : events) {
      if (e.object() == TraceEvent.NO_OBJECT || trace.syncObject(e.object()).kind() != SyncKind.QUEUE) {
        continue;
      }
      if (e.kind() == EventKind.PUT) {
        putters.addLast(e.lane());
        continue;
      }
      boolean took = e.kind() == EventKind.GET;
      if (!took && e.kind() != EventKind.WAKE) {
        continue;
      }
      if (loopLane < 0) {
        loopLane = e.lane();
      } else if (e.lane() != loopLane) {
        continue;
      }
      if (lastTurn >= 0) {
        long gap = e.time() - lastTurn;
        found[count++] = gap;
        if (gap > longestGap) {
          longestGap = gap;
          longestGapStart = lastTurn;
        }
        gaps++;
      }
      lastTurn = e.time();
      if (took) {
        Integer putter = putters.pollFirst();
        if (!clickTaken) {
          clickTaken = true;
        } else if (putter != null) {
          int steps = drawn.merge(putter, 1, Integer::sum);
          changed.put(putter, steps);
        }
      }
    }
    return new Batch(java.util.Arrays.copyOf(found, count), changed);
  }

  /** The run whose events these are. */
  public Trace trace() {
    return trace;
  }

  /** The longest time between two turns so far, in nanoseconds. */
  public long longestGapNanos() {
    return longestGap;
  }

  /** The trace time of the turn the longest gap began at; -1 before the second turn. */
  public long longestGapStart() {
    return longestGapStart;
  }

  public int gaps() {
    return gaps;
  }

  /** The lane of the loop's thread, or -1 before its first turn. */
  public int loopLane() {
    return loopLane;
  }

  /** How many steps of each lane's bar the loop has drawn, by lane id, in the order they started. */
  public Map<Integer, Integer> drawn() {
    return Map.copyOf(drawn);
  }
}
