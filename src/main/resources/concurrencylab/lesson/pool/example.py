# A pool of worker processes and a queue of tasks.
import os, random, time
from multiprocessing import Pool

def task(n, seconds):
    print(f"task {n} (pid={os.getpid()}) is running...")
    time.sleep(seconds)
    if n == FAILING_TASK:
        raise RuntimeError(f"task {n} raised on purpose")
    print(f"task {n} end.")

if __name__ == "__main__":
    print(f"current process {os.getpid()}")
    rng = random.Random(SEED)
    low, high = SLEEP_SECONDS
    pool = Pool(processes=PROCESSES)
    results = [pool.apply_async(task, (n, rng.uniform(low, high)))
               for n in range(TASKS)]   # queued, returns at once
    print("waiting for all subprocesses done...")
    pool.close()             # no more tasks
    pool.join()              # wait for all of them
    for r in results:
        try:
            r.get()              # re-raises a task's exception:
        except RuntimeError as e:    # without get() it is lost
            print(e)
    print("all subprocesses done.")
