package concurrencylab.runtime.python;

/** Python scripts whose process trees the tests end. */
final class PythonTrees {
  private PythonTrees() {}

  /**
   * Two fork children that each fork a grandchild busy in a loop, and a Pool of 3 whose tasks
   * spin without end: nothing in it ever ends by itself, and its busy loops never sleep.
   */
  static final String FORKS_AND_A_BUSY_POOL = String.join("\n",
      "import os, time",
      "from multiprocessing import Pool",
      "",
      "def spin(n):",
      "    print('task', n, os.getpid())",
      "    while True:",
      "        pass",
      "",
      "if __name__ == '__main__':",
      "    for i in range(2):",
      "        if os.fork() == 0:",
      "            if os.fork() == 0:",
      "                print('grandchild', os.getpid())",
      "                while True:",
      "                    pass",
      "            time.sleep(3600)",
      "            os._exit(0)",
      "    pool = Pool(3)",
      "    results = [pool.apply_async(spin, (n,)) for n in range(6)]",
      "    pool.close()",
      "    pool.join()",
      "");
}
