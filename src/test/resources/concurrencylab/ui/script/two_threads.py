# Two threads run one function, each with its own arguments.
import threading
import time


def tick(mark, times):
    for i in range(times):
        print(f"[{threading.current_thread().name}] tick {mark}{i}")
        time.sleep(0.03)


first = threading.Thread(target=tick, args=("x", 3))
second = threading.Thread(target=tick, args=("y", 3))
first.start()
second.start()
first.join()
second.join()
print(f"[{threading.current_thread().name}] both threads are done")
