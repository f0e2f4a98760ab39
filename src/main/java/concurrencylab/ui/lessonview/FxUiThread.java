package concurrencylab.ui.lessonview;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.UsesUiThread;
import concurrencylab.runtime.UiThread;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The JavaFX Application Thread as a {@link UiThread}. Frames are timed from the pulses: an
 * {@link AnimationTimer} runs at the start of each pulse, and a runnable it queues runs as soon as
 * the thread is past that pulse (its layout and the wait for its rendering included), so the two
 * bracket the time the thread was busy with the frame.
 */
public final class FxUiThread implements UiThread {
  public static final FxUiThread INSTANCE = new FxUiThread();

  private FxUiThread() {}

  /** Hands the FX thread to {@code lesson} if it asks for one; JavaFX must be running. */
  public static void handTo(Lesson lesson) {
    if (lesson instanceof UsesUiThread user) {
      user.useUiThread(INSTANCE);
    }
  }

  @Override
  public void run(Runnable work) {
    Platform.runLater(work);
  }

  @Override
  public boolean isUiThread() {
    return Platform.isFxApplicationThread();
  }

  @Override
  public FrameWatch watchFrames(FrameListener listener) {
    PulseTimer timer = new PulseTimer(listener);
    run(timer::begin);
    return timer;
  }

  /** Confined to the FX thread, except {@link #stop()}'s flag, which any thread may see. */
  private static final class PulseTimer extends AnimationTimer implements FrameWatch {
    private final FrameListener listener;
    private volatile boolean stopped;

    PulseTimer(FrameListener listener) {
      this.listener = listener;
    }

    void begin() {
      if (!stopped) {
        listener.watching(System.nanoTime());
        start();
      }
    }

    @Override
    public void handle(long pulse) {
      // the pulse's own time stamp is taken before the other animations of the pulse ran; the
      // clock now is when this frame's work starts as far as anything after it is concerned
      listener.frameStarted(System.nanoTime());
      Platform.runLater(() -> {
        if (!stopped) {
          listener.frameEnded(System.nanoTime());
        }
      });
    }

    @Override
    public void stop() {
      stopped = true;
      super.stop();
    }
  }
}
