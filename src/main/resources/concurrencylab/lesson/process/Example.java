// ProcessLesson.run: the parent, in this app's own process
parent.print("parent process " + parent.lane().pid());
for (int i = 0; i < children; i++) {
  long sleep = random.nextInt(maxSleepMillis + 1);
  parent.print("process will start.");
  // a new JVM running this app in worker mode (Java cannot fork)
  WorkerProcess child = scope.spawn("Process-" + (i + 1), EXIT_AFTER_TASK);
  child.run(0, ChildTask.class.getName(), List.of("" + i, "" + sleep));
  started.add(child);
}
var joined = joinAll ? started : List.of(started.get(started.size() - 1));
for (WorkerProcess child : joined) {
  child.join();                 // Process.join(): wait for it to exit
}
parent.print("process end");

// ChildTask.run: inside each child process
System.out.println("child process " + name + " (" + context.pid() + ") running...");
context.sleep(sleepMillis);
System.out.println("child process " + name + " (" + context.pid() + ") ends");
