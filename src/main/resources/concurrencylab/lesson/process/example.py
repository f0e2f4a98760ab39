# Start several child processes, then wait.
import os, random, time
from multiprocessing import Process

def child(name, seconds):
    pid = os.getpid()
    print(f"child process {name} ({pid}) running...")
    time.sleep(seconds)
    print(f"child process {name} ({pid}) ends")

if __name__ == "__main__":
    print(f"parent process {os.getpid()}")
    rng = random.Random(42)
    started = []
    for i in range(5):
        p = Process(target=child,
                    args=(i, rng.random() * 2))
        print("process will start.")
        p.start()
        started.append(p)
    started[-1].join()   # the last one only:
                         # the others may still run
    # for p in started: p.join()   # every child
    print("process end")
