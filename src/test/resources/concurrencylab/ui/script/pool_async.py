# Hand six jobs to a pool of three worker processes without waiting for each.
import os
import time
from multiprocessing import Pool


def cube(n):
    print(f"cubing {n} in pid {os.getpid()}")
    time.sleep(0.1)
    return n ** 3


if __name__ == "__main__":
    print(f"the pool's owner is pid {os.getpid()}")
    pool = Pool(3)
    pending = [pool.apply_async(cube, (n,)) for n in range(6)]
    pool.close()
    pool.join()
    print(f"cubes {[p.get() for p in pending]} collected in pid {os.getpid()}")
