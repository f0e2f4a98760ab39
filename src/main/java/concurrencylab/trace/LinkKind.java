package concurrencylab.trace;

/** Why one event led to another: what a {@link LinkTable link} from the first to the second says. */
public enum LinkKind {
  /** A release (of a lock, a semaphore's permit) let a waiting thread acquire it. */
  HAND_OVER,
  /** The item that one side put was the one the other side got. */
  ITEM,
  /** A notify (or set, or a barrier's release) woke a waiting thread. */
  NOTIFY,
  /** A spawn started the lane of the event it points to. */
  SPAWN,
  /** A lane's end let the lane that joined it go on. */
  JOIN
}
