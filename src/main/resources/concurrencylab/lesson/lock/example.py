# Threads adding to one shared counter.  ## zh: 多个线程给同一个共享计数器加一。
import threading, time

counter = 0
lock = threading.RLock() if LOCK_MODE == "rlock" else threading.Lock()

def pause():                     # slow motion: widens the gap  ## zh: 慢动作：拉大读和写
    time.sleep(STEP_MILLIS / 1000)   # between read and write  ## zh: 之间的间隔

def increment():                 # counter += 1, step by step  ## zh: 把 counter += 1 拆成几步
    global counter
    seen = counter               # read  ## zh: 读
    pause()
    new = seen + 1               # add  ## zh: 加
    pause()
    counter = new                # write  ## zh: 写
    pause()

def add_unsafe(times):
    for _ in range(times):
        increment()              # may lose an update  ## zh: 可能丢失一次更新

def add_locked(times):
    for _ in range(times):
        with lock:               # one thread at a time  ## zh: 一次只让一个线程进入
            increment()

def add_reentrant(times):        # needs an RLock  ## zh: 需要 RLock
    for _ in range(times):
        with lock:               # hold count 1  ## zh: 持有计数为 1
            helper()

def helper():
    with lock:                   # hold count 2: fine for an RLock,  ## zh: 持有计数为 2：RLock 没问题，
        increment()              # a plain Lock would deadlock  ## zh: 普通 Lock 会死锁

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
