# Threads with a target function.
import random, threading, time

def fetch(urls):
    name = threading.current_thread().name
    print(f"Current {name} is running...")
    for url in urls:
        print(f"{name} ---->>> {url}")
        time.sleep(random.random())
    print(f"{name} ended.")

print(f"{threading.current_thread().name} is running...")
t1 = threading.Thread(target=fetch, name="Thread-1",
                      args=(["url_1_1", "url_1_2", "url_1_3"],))
t2 = threading.Thread(target=fetch, name="Thread-2",
                      args=(["url_2_1", "url_2_2", "url_2_3"],))
t1.start(); t2.start()
t1.join(); t2.join()
print(f"{threading.current_thread().name} ended.")
