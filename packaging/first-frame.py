#!/usr/bin/env python3
"""Times Concurrency Lab from launch to its first frame, from the outside: nothing is added to the app.

Run under an X server with a black root window and no other windows (xvfb-run gives one):

    xvfb-run -a -s "-screen 0 1920x1080x24" packaging/first-frame.py LAUNCHER [RUNS]

Each run starts LAUNCHER (no arguments: the normal window, with fresh settings in a temporary
XDG_CONFIG_HOME and XDG_STATE_HOME) and samples the screen every few milliseconds (Xlib's
XGetImage through ctypes, a 64x12 grid of pixels read as 12 one-pixel rows, every 10 ms):
  window  the moment the screen is no longer all black: the window is mapped (still blank);
  frame   the moment the sampled pixels hold three or more colours: the first frame is drawn.
It also reads the CPU time the app had used by the first frame (/proc/PID/stat): on a busy
machine the wall time grows with the load, that CPU time much less. Then it ends the app (SIGTERM, as a window manager's close would after a timeout) and checks that
no process of it is left. Prints one line per run and the median; exit 1 if a run failed.
"""
import ctypes
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

COLUMNS, ROWS = 64, 12
POLL_S = 0.01
TIMEOUT_S = 60
ZPIXMAP = 2
ALL_PLANES = 0xFFFFFFFFFFFFFFFF


def xlib():
    x = ctypes.cdll.LoadLibrary("libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XGetImage.restype = ctypes.c_void_p
    x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                            ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    x.XGetPixel.restype = ctypes.c_ulong
    x.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    x.XFree.argtypes = [ctypes.c_void_p]
    return x


class Screen:
    def __init__(self):
        self.x = xlib()
        self.display = self.x.XOpenDisplay(None)
        if not self.display:
            sys.exit("first-frame: no X display: run it under xvfb-run")
        self.root = self.x.XDefaultRootWindow(self.display)
        self.width = self.x.XDisplayWidth(self.display, 0)
        self.height = self.x.XDisplayHeight(self.display, 0)

    def colours(self):
        """The distinct colours of a grid of pixels over the whole screen: ROWS rows of 1 pixel, read
        one row at a time, so that watching costs the app under test next to no CPU time."""
        seen = set()
        for row in range(ROWS):
            y = (row * 2 + 1) * self.height // (ROWS * 2)
            image = self.x.XGetImage(self.display, self.root, 0, y, self.width, 1, ALL_PLANES, ZPIXMAP)
            for column in range(COLUMNS):
                seen.add(self.x.XGetPixel(image, (column * 2 + 1) * self.width // (COLUMNS * 2), 0))
            # XDestroyImage is a macro: free the pixels (the data pointer is at offset 16), then the image
            self.x.XFree(ctypes.c_void_p.from_address(image + 16))
            self.x.XFree(image)
        return seen


def descendants(pid):
    out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout.split()
    children = {}
    for child, parent in zip(out[0::2], out[1::2]):
        children.setdefault(int(parent), []).append(int(child))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cpu_seconds(pid):
    """CPU time (user + system) the process has used so far: what reaching the frame cost, whatever
    else the machine was doing meanwhile."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def one_run(screen, launcher):
    if len(screen.colours()) != 1:
        sys.exit("first-frame: the screen is not empty before the start: use a fresh xvfb-run")
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as state:
        env = dict(os.environ, XDG_CONFIG_HOME=config, XDG_STATE_HOME=state)
        started = time.monotonic()
        app = subprocess.Popen([launcher], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        window = frame = cpu = None
        while frame is None and time.monotonic() - started < TIMEOUT_S and app.poll() is None:
            colours = len(screen.colours())
            now = time.monotonic() - started
            if window is None and colours > 1:
                window = now
            if colours >= 3:
                frame = now
                cpu = cpu_seconds(app.pid)
            time.sleep(POLL_S)
        tree = descendants(app.pid)
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        time.sleep(0.5)
        left = [pid for pid in tree if os.path.exists(f"/proc/{pid}")]
        while len(screen.colours()) != 1 and time.monotonic() - started < TIMEOUT_S + 20:
            time.sleep(0.05)
        return window, frame, cpu, left


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    launcher, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    screen = Screen()
    frames, failed = [], False
    for run in range(1, runs + 1):
        window, frame, cpu, left = one_run(screen, launcher)
        if frame is None:
            print(f"run {run}: no frame within {TIMEOUT_S} s")
            failed = True
            continue
        frames.append(frame)
        print(f"run {run}: window mapped {window * 1000:.0f} ms, first frame {frame * 1000:.0f} ms"
              + f" (the app had used {cpu:.2f} s of CPU by then)"
              + (f"; LEFT BEHIND: {left}" if left else "; no process left"))
        failed |= bool(left)
    if frames:
        print(f"first frame, median of {len(frames)}: {statistics.median(frames) * 1000:.0f} ms")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
