# A thread of our own: subclass Thread and put the work in run().
import threading
import time


class Echo(threading.Thread):
    def __init__(self, word):
        super().__init__()
        self.word = word

    def run(self):
        for i in range(3):
            print(f"[{self.name}] {self.word} {i}")
            time.sleep(0.03)


if __name__ == "__main__":
    echoes = [Echo("ping"), Echo("pong")]
    for echo in echoes:
        echo.start()
    for echo in echoes:
        echo.join()
    print(f"[{threading.current_thread().name}] the echoes are over")
