// PoolLesson.run: the parent, in this app's own process
parent.print("current process " + parent.lane().pid());
ProcessPool pool = new ProcessPool(scope, processes);  // P worker JVMs
for (int i = 0; i < tasks; i++) {
  long sleep = low + (long) (random.nextDouble() * (high - low));
  pool.applyAsync(PoolTask.class.getName(),           // queued, returns at once
      List.of("" + i, "" + sleep, "" + (i == failingTask)));
}
parent.print("waiting for all subprocesses done...");
pool.close();                                         // no more tasks
pool.join();             // waits for every task, then for the workers to exit
parent.print("all subprocesses done.");

// PoolTask.run: inside whichever worker process is free
System.out.println("task " + n + " (pid=" + context.pid() + ") is running...");
context.sleep(sleepMillis);
if (fails) throw new IllegalStateException("task " + n + " raised on purpose");
System.out.println("task " + n + " end.");
