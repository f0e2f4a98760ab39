# One process becomes two: os.fork() hands the parent the new child's PID and the child 0.
import os

print(f"before the split, pid {os.getpid()}")
answer = os.fork()
if answer == 0:
    print(f"the child, pid {os.getpid()}, was handed 0; its parent is {os.getppid()}")
else:
    print(f"the parent, pid {os.getpid()}, was handed the child's PID {answer}")
