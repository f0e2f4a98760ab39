# The same threads, as a subclass overriding run().  ## zh: 同样的线程，写成重写 run() 的子类。
import random, threading, time

class FetchThread(threading.Thread):
    def __init__(self, name, urls, sleeps):
        super().__init__(name=name)
        self.urls = urls
        self.sleeps = sleeps

    def run(self):                  # start() calls this  ## zh: 由 start() 调用
        print(f"Current {self.name} is running...")
        for url, seconds in zip(self.urls, self.sleeps):
            print(f"{self.name} ---->>> {url}")
            time.sleep(seconds)
        print(f"{self.name} ended.")

print(f"{threading.current_thread().name} is running...")
rng = random.Random(SEED)
threads = []
for t in range(1, THREADS + 1):
    urls = [f"url_{t}_{u}" for u in range(1, URLS + 1)]
    sleeps = [rng.randint(0, MAX_SLEEP_MILLIS) / 1000 for _ in urls]
    threads.append(FetchThread(f"Thread-{t}", urls, sleeps))
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{threading.current_thread().name} ended.")
