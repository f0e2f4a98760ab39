# Threads with a target function.  ## zh: 用目标函数（target）创建线程。
import random, threading, time

def fetch(urls, sleeps):
    name = threading.current_thread().name
    print(f"Current {name} is running...")
    for url, seconds in zip(urls, sleeps):
        print(f"{name} ---->>> {url}")
        time.sleep(seconds)
    print(f"{name} ended.")

print(f"{threading.current_thread().name} is running...")
rng = random.Random(SEED)
threads = []
for t in range(1, THREADS + 1):
    urls = [f"url_{t}_{u}" for u in range(1, URLS + 1)]
    sleeps = [rng.randint(0, MAX_SLEEP_MILLIS) / 1000 for _ in urls]
    threads.append(threading.Thread(target=fetch, name=f"Thread-{t}",
                                    args=(urls, sleeps)))
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{threading.current_thread().name} ended.")
