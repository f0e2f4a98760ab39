package concurrencylab.runtime;

/**
 * The thread that draws the window, as a lesson may use it without knowing the UI toolkit: run
 * work on it, and watch the frames it draws. The UI provides the implementation and hands it to
 * the lessons that ask for it, in the window and in the headless recorder alike.
 */
public interface UiThread {
  /** Runs {@code work} on the UI thread, after what is queued there already; returns at once. */
  void run(Runnable work);

  boolean isUiThread();

  /**
   * Reports every frame the UI thread handles from now on to {@code listener}, on the UI thread,
   * until the returned watch is stopped. Callable from any thread.
   */
  FrameWatch watchFrames(FrameListener listener);

  /** Hears about frames on the UI thread; times are {@link System#nanoTime()} values. */
  interface FrameListener {
    /** The watch is on: frames from now on are reported. */
    void watching(long nanos);

    /** A frame begins: the UI thread is busy from here. */
    void frameStarted(long nanos);

    /** The UI thread got past that frame (and whatever was queued before the frame's end). */
    void frameEnded(long nanos);
  }

  /** A running frame watch. */
  interface FrameWatch {
    /** Ends the watch; called on the UI thread, no frame is reported after it. */
    void stop();
  }
}
