package concurrencylab.trace;

/**
 * One row of the timeline: a process or a thread of a run.
 *
 * @param id index of the lane in its trace, from 0
 * @param name the name the program gave it ("main", "worker-1", "Thread-2")
 * @param kind process, thread or queue
 * @param pid the OS process id it runs in
 * @param parentId the lane that started it, or {@link #NO_PARENT}
 * @param colorIndex index into the timeline's colour-blind-safe palette
 */
public record Lane(int id, String name, LaneKind kind, long pid, int parentId, int colorIndex) {
  public static final int NO_PARENT = -1;
}
