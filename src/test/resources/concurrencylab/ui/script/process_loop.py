# Start a few child processes in a loop, then wait for the last one only.
import os
import time
from multiprocessing import Process


def chore(number):
    print(f"chore {number} starts in pid {os.getpid()}")
    time.sleep(0.05 * number)
    print(f"chore {number} ends in pid {os.getpid()}")


if __name__ == "__main__":
    print(f"the main program runs in pid {os.getpid()}")
    for number in range(4):
        worker = Process(target=chore, args=(number,))
        worker.start()
    worker.join()
    print(f"joined the last chore, pid {os.getpid()}")
