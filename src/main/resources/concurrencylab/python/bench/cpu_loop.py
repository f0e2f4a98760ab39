# CPU-bound loop for the tracer's overhead figures (python_tracer_overhead_*): run it untraced and
# traced, with line tracing off (control flags 0) and on (flags 2). ITERATIONS may be given as argv[1].
import sys


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


print(work(int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000))
