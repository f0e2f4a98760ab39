# One thread counts down.
import threading, time

def count():
    for n in range(FROM, 0, -1):
        print(n)
        time.sleep(0.005)

counter = threading.Thread(target=count, name="counter")
counter.start()
counter.join()
