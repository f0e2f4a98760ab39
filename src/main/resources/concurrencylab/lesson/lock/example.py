# Threads adding to one shared counter.
import threading

counter = 0
lock = threading.Lock()      # or threading.RLock()

def add_unsafe(times):
    global counter
    for _ in range(times):
        seen = counter       # read
        counter = seen + 1   # add, write: may lose an update

def add_locked(times):
    global counter
    for _ in range(times):
        with lock:           # one thread at a time
            counter += 1

def add_reentrant(times):    # needs an RLock
    for _ in range(times):
        with lock:
            helper()         # takes the same lock again

def helper():
    global counter
    with lock:               # hold count 2: fine for RLock,
        counter += 1         # a plain Lock would deadlock

threads = [threading.Thread(target=add_locked, args=(5,))
           for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
