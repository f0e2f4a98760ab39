// PoolLesson.run: the parent (this app's process)
parent.print("current process " + pid);
// P worker JVMs, started at once, kept alive
ProcessPool pool = new ProcessPool(scope, processes);
for (int i = 0; i < tasks; i++) {
  long sleep = low + (long) (random.nextDouble() * (high - low));
  pool.applyAsync(PoolTask.class.getName(),  // queued
      List.of("" + i, "" + sleep, "" + (i == failingTask)));
}
parent.print("waiting for all subprocesses done...");
pool.close();          // no more tasks
pool.join();           // every task, then the workers' exit
parent.print("all subprocesses done.");

// PoolTask.run: inside whichever worker is free
System.out.println("task " + n + " (pid="
    + context.pid() + ") is running...");
context.sleep(sleepMillis);
if (fails) {   // reported on the worker's lane and the log
  throw new IllegalStateException("task " + n + " raised");
}
System.out.println("task " + n + " end.");
