package concurrencylab.lesson;

import concurrencylab.runtime.UiThread;

/**
 * A lesson that does part of its work on the UI thread, or measures it, through {@link UiThread}.
 * Whoever runs lessons (the window, the headless recorder) hands the UI thread over before a run.
 */
public interface UsesUiThread {
  void useUiThread(UiThread uiThread);
}
