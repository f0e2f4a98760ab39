# fork: one call, two returns (Unix only).  ## zh: fork：调用一次，返回两次（仅限 Unix）。
import os

print(f"current process ({os.getpid()}) start...")
pid = os.fork()        # Windows: AttributeError, no os.fork;  ## zh: Windows 上没有 os.fork：AttributeError；
                       # a failed fork raises OSError  ## zh: fork 失败时抛出 OSError
if pid == 0:           # in the copy  ## zh: 在副本（子进程）里
    print(f"I am the child process ({os.getpid()}) "
          f"and my parent process is ({os.getppid()}).")
    os._exit(0)
else:                  # in the original  ## zh: 在原来的进程（父进程）里
    print(f"I ({os.getpid()}) created "
          f"a child process ({pid}).")
    os.waitpid(pid, 0)
