// ForkLesson.run: Java cannot fork its JVM, so it spawns
parent.print("current process (" + pid + ") start...");
// a new JVM running this app in worker mode
WorkerProcess child = scope.spawn("child", EXIT_AFTER_TASK);
parent.mark("parent branch: returned " + child.pid());
parent.print("I (" + pid + ") created a child process ("
    + child.pid() + ").");
child.run(0, "child", ForkChildTask.class.getName(), List.of());
child.join();

// ForkChildTask.run: inside the child process
context.mark("child branch: returned 0");
// the child asks its own OS for its parent's PID
System.out.println("I am the child process (" + context.pid()
    + ") and my parent process is (" + context.parentPid() + ").");
