package concurrencylab.lesson.progress;

/** Where the lesson shows the frames it measures while a run goes on; called on the UI thread. */
public interface FrameMeter {
  FrameMeter NONE = new FrameMeter() {
    @Override
    public void runStarted() {}

    @Override
    public void frame(long gapNanos) {}
  };

  /** A run starts measuring: what the meter showed belongs to the last run. */
  void runStarted();

  /** The time from the previous frame's start to this one's. */
  void frame(long gapNanos);
}
