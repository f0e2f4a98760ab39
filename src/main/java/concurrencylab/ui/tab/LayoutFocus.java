package concurrencylab.ui.tab;

/** What a lesson tab makes big: the timeline, the code, or both (the default). */
public enum LayoutFocus {
  BOTH,
  TIMELINE,
  CODE;

  /** The next one, as the F key steps through them. */
  public LayoutFocus next() {
    return values()[(ordinal() + 1) % values().length];
  }
}
