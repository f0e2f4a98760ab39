# A pool of 3 worker processes, a queue of 5 tasks.
import os, random, time
from multiprocessing import Pool

def task(n, seconds):
    print(f"task {n} (pid={os.getpid()}) is running...")
    time.sleep(seconds)
    print(f"task {n} end.")

if __name__ == "__main__":
    print(f"current process {os.getpid()}")
    rng = random.Random(7)
    with Pool(processes=3) as pool:
        results = [
            pool.apply_async(task, (n, rng.uniform(0, 3)))
            for n in range(5)]   # queued, returns at once
        print("waiting for all subprocesses done...")
        pool.close()             # no more tasks
        pool.join()              # wait for all of them
        for r in results:
            r.get()   # re-raises a task's exception;
                      # without get() it is lost
    print("all subprocesses done.")
