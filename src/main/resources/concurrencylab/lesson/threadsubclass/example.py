# The same threads, as a subclass overriding run().
import random, threading, time

class FetchThread(threading.Thread):
    def __init__(self, urls, name):
        super().__init__(name=name)
        self.urls = urls

    def run(self):                  # start() calls this
        print(f"Current {self.name} is running...")
        for url in self.urls:
            print(f"{self.name} ---->>> {url}")
            time.sleep(random.random())
        print(f"{self.name} ended.")

print(f"{threading.current_thread().name} is running...")
t1 = FetchThread(["url_1_1", "url_1_2", "url_1_3"], "Thread-1")
t2 = FetchThread(["url_2_1", "url_2_2", "url_2_3"], "Thread-2")
t1.start(); t2.start()
t1.join(); t2.join()
print(f"{threading.current_thread().name} ended.")
