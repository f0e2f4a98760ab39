// ProcessLesson.run: the parent (this app's process)
parent.print("parent process " + pid);
for (int i = 0; i < children; i++) {
  long sleep = random.nextInt(maxSleepMillis + 1);
  parent.print("process will start.");
  // Java cannot fork: a new JVM runs this app
  // in worker mode (like Python's "spawn")
  WorkerProcess child =
      scope.spawn("Process-" + (i + 1), EXIT_AFTER_TASK);
  child.run(0, "child(" + i + ")",
      ChildTask.class.getName(), List.of("" + i, "" + sleep));
  started.add(child);
}
var joined = joinAll ? started : List.of(last(started));
for (WorkerProcess child : joined) {
  child.join();          // Process.join(): wait for exit
}
parent.print("process end");

// ChildTask.run: inside each child process
long pid = context.pid();
System.out.println("child process " + name
    + " (" + pid + ") running...");
context.sleep(sleepMillis);
System.out.println("child process " + name
    + " (" + pid + ") ends");
