// ThreadLesson.run (UrlFetch.runAll, inlined): the main thread
main.print(Thread.currentThread().getName() + " is running...");
List<Thread> threads = new ArrayList<>();
for (UrlFetch.Plan plan : work.plans()) {    // seeded sleeps
  // like threading.Thread(target=fetch, args=(urls,))
  threads.add(scope.startThread(plan.threadName(),
      lane -> UrlFetch.fetch(lane, plan)));
}
for (Thread thread : threads) {
  thread.join();
}
main.print(Thread.currentThread().getName() + " ended.");

// UrlFetch.fetch: the target, in each thread
String name = Thread.currentThread().getName();
lane.print("Current " + name + " is running...");
for (int i = 0; i < plan.urls().size(); i++) {
  lane.print(name + " ---->>> " + plan.urls().get(i));
  lane.sleep(plan.sleepsMillis()[i]);  // shown as sleeping
}
lane.print(name + " ended.");
