// ProgressLesson: on the UI thread (freezes the window)
uiThread.run(() -> {
  for (int i = 1; i <= steps; i++) {
    if (work == Work.WAIT) {
      Thread.sleep(stepMillis);         // like I/O: the UI thread answers nothing
    } else {
      hash(stepMillis);                 // CPU work on the UI thread
    }
    uiThreadProgress.set((double) i / steps);  // drawn only when the loop is done
  }
});

// ... or as a javafx.concurrent.Task on a background thread
Task<Void> job = new Task<>() {
  @Override
  protected Void call() throws Exception {
    for (int i = 1; i <= steps; i++) {
      if (work == Work.WAIT) {
        lane.sleep(stepMillis);         // like waiting for I/O
      } else {
        hash(stepMillis);               // CPU work
      }
      if (isCancelled()) {
        lane.endsAs("cancelled");       // its Cancel button
        return null;
      }
      updateProgress(i, steps);         // delivered to the UI thread
    }
    return null;
  }
};
backgroundJobs.add(job);                // a bar and a Cancel button
scope.startThread("job-1", lane -> job.run());
