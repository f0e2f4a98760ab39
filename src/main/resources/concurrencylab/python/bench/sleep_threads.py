# Sleep-bound threads for the tracer's overhead figures: four threads print and sleep 20 times.
import threading, time


def work():
    for _ in range(20):
        print("tick")
        time.sleep(0.05)


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
