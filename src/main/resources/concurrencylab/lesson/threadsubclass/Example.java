// ThreadSubclassLesson: the work is the thread's own run()
static final class UrlThread extends Thread {
  private final TracedLane lane;
  private final UrlFetch.Plan plan;

  UrlThread(TracedLane lane, UrlFetch.Plan plan) {
    super(plan.threadName());
    this.lane = lane;
    this.plan = plan;
  }

  @Override
  public void run() {              // start() calls this
    try {
      UrlFetch.fetch(lane, plan);  // same work as the Thread tab
    } catch (InterruptedException e) {
      interrupt();                 // stopped: end quietly
    }
  }
}

// in run(): create, start, join
for (UrlFetch.Plan plan : work.plans()) {
  TracedLane lane = scope.newThreadLane(plan.threadName());
  threads.add(scope.start(new UrlThread(lane, plan), lane));
}
for (Thread thread : threads) {
  thread.join();
}
