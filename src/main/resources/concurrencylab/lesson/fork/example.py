# fork: one call, two returns (Unix only).
import os

print(f"current process ({os.getpid()}) start...")
pid = os.fork()        # Windows: AttributeError,
                       # module 'os' has no attribute 'fork'
if pid < 0:
    print("fork failed")
elif pid == 0:         # in the copy
    print(f"I am the child process ({os.getpid()}) "
          f"and my parent process is ({os.getppid()}).")
else:                  # in the original
    print(f"I ({os.getpid()}) created "
          f"a child process ({pid}).")
