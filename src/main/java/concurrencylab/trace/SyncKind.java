package concurrencylab.trace;

/**
 * What a {@link SyncObject} is. The events that name an object, and what their {@link
 * TraceEvent#value()} means for it:
 *
 * <ul>
 *   <li>{@link #LOCK} (Lock and RLock alike): {@link EventKind#LOCK_WAIT}, {@link
 *       EventKind#LOCK_ACQUIRED}, {@link EventKind#LOCK_RELEASED}, with the thread's hold count
 *   <li>{@link #SEMAPHORE}: the same three, with the permits left after the change
 *   <li>{@link #CONDITION}: {@link EventKind#WAIT}, {@link EventKind#NOTIFY} (how many were
 *       notified, -1 for all) and {@link EventKind#WAKE}
 *   <li>{@link #EVENT}: {@link EventKind#WAIT}, {@link EventKind#SET}, {@link EventKind#CLEAR} and
 *       {@link EventKind#WAKE}
 *   <li>{@link #BARRIER}: {@link EventKind#ARRIVE} (how many have arrived, this one included) and
 *       {@link EventKind#BARRIER_RELEASE} (the parties let go)
 *   <li>{@link #QUEUE} and {@link #PIPE}: {@link EventKind#PUT}, {@link EventKind#GET} and {@link
 *       EventKind#WAIT}, with the number of items inside after the change (and {@link
 *       EventKind#COUNTER} for a change that is neither, such as a pool's queue emptied when no
 *       worker is left)
 *   <li>{@link #COUNTER} (a shared value): {@link EventKind#READ} and {@link EventKind#COUNTER}, with
 *       the value read or written
 * </ul>
 */
public enum SyncKind {
  LOCK,
  SEMAPHORE,
  CONDITION,
  EVENT,
  BARRIER,
  QUEUE,
  PIPE,
  COUNTER
}
