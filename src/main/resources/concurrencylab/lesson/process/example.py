# Start several child processes, then wait.  ## zh: 启动几个子进程，然后等待。
import multiprocessing, os, random, time

def child(name, seconds):
    pid = os.getpid()
    print(f"child process {name} ({pid}) running...")
    time.sleep(seconds)
    print(f"child process {name} ({pid}) ends")

if __name__ == "__main__":
    print(f"parent process {os.getpid()}")
    # how children start: "fork", "spawn" or "forkserver"  ## zh: 子进程的启动方式："fork"、"spawn" 或 "forkserver"
    ctx = multiprocessing.get_context(START_METHOD)
    rng = random.Random(SEED)
    started = []
    for i in range(CHILDREN):
        seconds = rng.randint(0, MAX_SLEEP_MILLIS) / 1000
        print("process will start.")
        p = ctx.Process(target=child, args=(i, seconds))
        p.start()
        started.append(p)
    if JOIN == "all":
        for p in started:
            p.join()             # every child  ## zh: 每个子进程
    else:
        started[-1].join()       # the last one only: the  ## zh: 只等最后一个：
                                 # others may still run  ## zh: 其他的可能还在运行
    print("process end")
