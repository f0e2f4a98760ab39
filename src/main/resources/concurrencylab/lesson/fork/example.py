# fork: one call, two returns (Unix only).
import os

print(f"current process ({os.getpid()}) start...")
pid = os.fork()        # Windows: AttributeError, no os.fork;
                       # a failed fork raises OSError
if pid == 0:           # in the copy
    print(f"I am the child process ({os.getpid()}) "
          f"and my parent process is ({os.getppid()}).")
    os._exit(0)
else:                  # in the original
    print(f"I ({os.getpid()}) created "
          f"a child process ({pid}).")
    os.waitpid(pid, 0)
