# A pool of worker processes and a queue of tasks.  ## zh: 一个工作进程池和一个任务队列。
import multiprocessing, os, random, time

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
    # how children start: "fork", "spawn" or "forkserver"  ## zh: 子进程的启动方式："fork"、"spawn" 或 "forkserver"
    ctx = multiprocessing.get_context(START_METHOD)
    pool = ctx.Pool(processes=PROCESSES)
    results = [pool.apply_async(task, (n, rng.uniform(low, high)))
               for n in range(TASKS)]   # queued, returns at once  ## zh: 放入队列，立即返回
    print("waiting for all subprocesses done...")
    pool.close()             # no more tasks  ## zh: 不再接受新任务
    pool.join()              # wait for all of them  ## zh: 等待所有任务完成
    for r in results:
        try:
            r.get()              # re-raises a task's exception:  ## zh: 重新抛出任务里的异常：
        except RuntimeError as e:    # without get() it is lost  ## zh: 不调用 get() 异常就丢了
            print(e)
    print("all subprocesses done.")
