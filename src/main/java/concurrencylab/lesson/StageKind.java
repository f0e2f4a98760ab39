package concurrencylab.lesson;

/** The extra views a lesson tab can show above its timeline; the UI knows how to draw each. */
public enum StageKind {
  NONE,
  FORK_DIAGRAM,
  LOCK_STAGE,
  PROGRESS
}
