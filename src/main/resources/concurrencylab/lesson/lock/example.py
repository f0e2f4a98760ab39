# Threads adding to one shared counter.
import threading, time

counter = 0
lock = threading.RLock() if LOCK_MODE == "rlock" else threading.Lock()

def pause():                     # slow motion: widens the gap
    time.sleep(STEP_MILLIS / 1000)   # between read and write

def increment():                 # counter += 1, step by step
    global counter
    seen = counter               # read
    pause()
    new = seen + 1               # add
    pause()
    counter = new                # write
    pause()

def add_unsafe(times):
    for _ in range(times):
        increment()              # may lose an update

def add_locked(times):
    for _ in range(times):
        with lock:               # one thread at a time
            increment()

def add_reentrant(times):        # needs an RLock
    for _ in range(times):
        with lock:               # hold count 1
            helper()

def helper():
    with lock:                   # hold count 2: fine for an RLock,
        increment()              # a plain Lock would deadlock

work = {"no_lock": add_unsafe, "lock": add_locked,
        "rlock": add_reentrant}[LOCK_MODE]
print(f"counter = {counter}, mode {LOCK_MODE.upper()}")
threads = [threading.Thread(target=work, args=(INCREMENTS,),
                            name=f"Thread-{t}")
           for t in range(1, THREADS + 1)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
expected = THREADS * INCREMENTS
print(f"counter = {counter} (expected {expected}, "
      f"lost {expected - counter})")
