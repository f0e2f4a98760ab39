# Python's side of the worker-spawn benchmark: start N processes with the "spawn" start method
# and wait until each has run its target, ROUNDS times; prints one wall time in ms per round.
import multiprocessing as mp
import sys
import time


def ready(queue):
    queue.put(1)


if __name__ == "__main__":
    count, rounds = int(sys.argv[1]), int(sys.argv[2])
    ctx = mp.get_context("spawn")
    for _ in range(rounds):
        queue = ctx.Queue()
        start = time.perf_counter()
        processes = [ctx.Process(target=ready, args=(queue,)) for _ in range(count)]
        for p in processes:
            p.start()
        for _ in range(count):
            queue.get()
        elapsed = time.perf_counter() - start
        for p in processes:
            p.join()
        print(f"{elapsed * 1000:.3f}", flush=True)
