# Start several child processes, then wait for them.
import os, random, time
from multiprocessing import Process

def child(name, seconds):
    print(f"child process {name} ({os.getpid()}) running...")
    time.sleep(seconds)
    print(f"child process {name} ({os.getpid()}) ends")

if __name__ == "__main__":
    print(f"parent process {os.getpid()}")
    rng = random.Random(42)
    started = []
    for i in range(5):
        p = Process(target=child, args=(i, rng.random() * 2))
        print("process will start.")
        p.start()
        started.append(p)
    started[-1].join()       # only the last one: the others may still run
    # for p in started: p.join()   # join every child instead
    print("process end")
