// ProgressLesson: on the UI thread (freezes the window)
Platform.runLater(() -> {
  for (int i = 1; i <= steps; i++) {
    work(stepMillis);                   // hashing: the UI thread is busy
    uiThreadProgress.set((double) i / steps);
  }
});

// ... or as a javafx.concurrent.Task on a background thread
Task<Void> job = new Task<>() {
  @Override
  protected Void call() throws Exception {
    for (int i = 1; i <= steps; i++) {
      work(stepMillis);                 // one step: hashing
      if (isCancelled()) {
        return null;                    // the cancel button
      }
      updateProgress(i, steps);         // delivered to the UI
      updateMessage("step " + i + " of " + steps);  // thread
    }
    return null;
  }
};
taskProgressView.getTasks().add(job);   // bar, message, cancel
scope.startThread("job-1", lane -> job.run());
