# Concurrency Lab's supervisor of one Python run. The app starts it (python -I -S, so it is not
# traced itself) by importing this module from TRACER_DIR (so that its compiled code is kept) and
# calling main with:  TRACER_DIR RUN_DIR MAX_PROCESSES WORK_DIR PYTHON SCRIPT [ARG ...]
#
# It runs no code of the lecturer's, so nothing the script does can keep it busy. It
#  - hands the script its record pipe: its own stdout, which the app reads, passed on as a numbered
#    descriptor (the script's stdout and stderr are pipes of their own, relayed as records, so that
#    no output can pass for a record);
#  - gives the script /dev/null as stdin (end of file at once);
#  - becomes the child subreaper of the run (Linux), so every process of the run stays below it
#    even when its parent is gone, and reaps them; it does so while the script's interpreter
#    starts, and then writes one byte to the life pipe, which the first process's tracer waits
#    for before the script's first line;
#  - ends the whole tree with SIGKILL as soon as its stdin reaches end of file: the app pressed
#    Stop, or the app is gone (the kernel closes the pipe however the app died, SIGKILL included);
#  - exits once the first process and every other process of the run have ended.
#
# Every run pays for its start, so it imports little: no subprocess (posix_spawn starts the
# script), and the signal module's C half (signal itself imports enum). It sleeps in one select
# that a SIGCHLD wakes (through the signal wakeup descriptor), so it reaps a process as it ends.
import os
import select
import sys
import time

try:
    import _signal as signal
except ImportError:
    import signal

PIECE = 900


def _esc(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Records:
    def __init__(self, fd):
        self.fd = fd
        self.open = True

    def emit(self, kind, pid, a="", b="", c="", text=""):
        if not self.open:
            return
        line = f"{kind}\t{pid}\t0\t{time.monotonic_ns()}\t{a}\t{b}\t{c}\t{_esc(text)}\n"
        try:
            os.write(self.fd, line.encode("utf-8", "backslashreplace"))
        except OSError:
            self.open = False  # the app is gone; the tree is ended all the same


def prctl(option, value):
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except Exception:
        return False


PR_SET_CHILD_SUBREAPER = 36


def descendants(root):
    """Live (not zombie) processes below root, from /proc; empty where there is no /proc."""
    children = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
        except OSError:
            continue
        rest = stat[stat.rfind(")") + 2:].split()
        if len(rest) < 2 or rest[0] in ("Z", "X"):
            continue
        children.setdefault(int(rest[1]), []).append(int(name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class Relay:
    """One of the script's raw output pipes (output that bypassed sys.stdout/sys.stderr)."""

    def __init__(self, fd, stream):
        import codecs

        self.fd = fd
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.rest = ""

    def read(self, records, pid):
        data = os.read(self.fd, 65536)
        if not data:
            self.finish(records, pid)
            return False
        text = self.rest + self.decoder.decode(data)
        lines = text.split("\n")
        self.rest = lines.pop()
        for line in lines:
            self.send(records, pid, line)
        while len(self.rest) > PIECE:
            records.emit("R", pid, self.stream, 1, text=self.rest[:PIECE])
            self.rest = self.rest[PIECE:]
        return True

    def send(self, records, pid, line):
        while len(line) > PIECE:
            records.emit("R", pid, self.stream, 1, text=line[:PIECE])
            line = line[PIECE:]
        records.emit("R", pid, self.stream, 0, text=line)

    def finish(self, records, pid):
        self.rest += self.decoder.decode(b"", final=True)
        if self.rest:
            self.send(records, pid, self.rest)
            self.rest = ""


def spawn(argv, env, work_dir, out_w, err_w, keep):
    """Starts argv in a session of its own: stdin /dev/null, stdout out_w, stderr err_w, the
    descriptors `keep` passed on under their numbers; returns its pid."""
    if hasattr(os, "posix_spawnp") and hasattr(os, "POSIX_SPAWN_DUP2"):
        for fd in keep:
            os.set_inheritable(fd, True)  # every other descriptor here is close-on-exec
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_w, 1),
            (os.POSIX_SPAWN_DUP2, err_w, 2),
        ]
        here = os.getcwd()
        os.chdir(work_dir)
        try:
            return os.posix_spawnp(argv[0], argv, env, file_actions=actions, setsid=True)
        except NotImplementedError:
            pass  # no setsid in this libc's posix_spawn
        finally:
            os.chdir(here)
    import subprocess

    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out_w, stderr=err_w, pass_fds=keep,
                             env=env, cwd=work_dir, start_new_session=True)
    child.returncode = 0  # reaped here, not by Popen
    return child.pid


def compile_tracer(tracer_dir):
    """Compiles the tracer once, here, for the script's interpreter reads compiled modules even
    where it may not write them (PYTHONDONTWRITEBYTECODE): else every process of every run would
    compile it again."""
    tag = sys.implementation.cache_tag
    if tag is None:
        return
    for name in ("sitecustomize", "_concurrencylab_tracer"):
        if not os.path.exists(os.path.join(tracer_dir, "__pycache__", f"{name}.{tag}.pyc")):
            try:
                import py_compile

                py_compile.compile(os.path.join(tracer_dir, name + ".py"), doraise=True)
            except Exception:
                pass  # then the interpreter compiles it as it imports it, as before


def main(argv):
    """Runs the script to its end (or Stop); returns the supervisor's exit status."""
    tracer_dir, run_dir, max_processes, work_dir, python, script = argv[:6]
    script_args = argv[6:]
    compile_tracer(tracer_dir)
    records = Records(1)
    record_fd = os.dup(1)
    life_r, life_w = os.pipe()  # the write end stays here: its end of file tells the tree we are gone
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    env = dict(os.environ)
    old_path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = tracer_dir + (os.pathsep + old_path if old_path else "")
    env.update(
        CLAB_TRACE_FD=str(record_fd),
        CLAB_TRACE_INO=str(os.fstat(record_fd).st_ino),
        CLAB_LIFE_FD=str(life_r),
        CLAB_LIFE_INO=str(os.fstat(life_r).st_ino),
        CLAB_RUN_DIR=run_dir,
        CLAB_MAX_PROCESSES=max_processes,
        CLAB_SCRIPT=os.path.abspath(script),
        CLAB_FIRST="1",
        PYTHONUNBUFFERED="1",
    )
    wake_r, wake_w = os.pipe()  # a SIGCHLD writes here: a process of the run has ended
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda number, frame: None)
    try:
        child = spawn([python, "-u", script, *script_args], env, work_dir, out_w, err_w, (record_fd, life_r))
    except OSError as e:
        records.emit("Q", os.getpid(), text=f"could not start {python}: {e}")
        return 1
    for fd in (record_fd, life_r, out_w, err_w):
        os.close(fd)
    # while the script's interpreter starts: its tracer waits for this byte before the script runs
    subreaper = prctl(PR_SET_CHILD_SUBREAPER, 1)
    os.write(life_w, b"!")
    records.emit("B", child, os.getpid(), 1 if subreaper else 0)
    relays = {out_r: Relay(out_r, 1), err_r: Relay(err_r, 2)}
    status = None
    stopping = False
    main_end = []  # on Stop the script's own end is said after its children's: it ended the run

    def reap():
        nonlocal status
        while True:
            try:
                pid, st = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return False  # no children left at all
            if pid == 0:
                return True
            if pid == child:
                status = st
            how = ("signal", os.WTERMSIG(st)) if os.WIFSIGNALED(st) else ("exit", os.WEXITSTATUS(st))
            if stopping and pid == child:
                main_end.append((pid, *how))
            else:
                records.emit("W", os.getpid(), pid, *how)

    def kill_tree():
        try:
            os.killpg(child, signal.SIGKILL)
        except OSError:
            pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            alive = descendants(os.getpid())
            if not alive:
                break
            for pid in alive:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            reap()
            time.sleep(0.005)

    watched = [0, wake_r, *relays]
    while True:
        try:
            ready, _, _ = select.select(watched, [], [], 1.0)
        except InterruptedError:
            ready = []
        for fd in ready:
            if fd == wake_r:
                os.read(wake_r, 512)
            elif fd == 0:
                if not os.read(0, 512):
                    stopping = True
                    watched.remove(0)
            elif not relays[fd].read(records, child):
                watched.remove(fd)
        if stopping:
            kill_tree()
            while reap():
                time.sleep(0.005)
            for pid, how, number in main_end:
                records.emit("W", os.getpid(), pid, how, number)
            break
        children_left = reap()
        if status is not None and not children_left:
            break
    # what the last processes wrote is in the pipes; whoever still holds one is not of the tree
    open_relays = [fd for fd in watched if fd in relays]
    deadline = time.monotonic() + 0.2
    while open_relays and time.monotonic() < deadline:
        ready, _, _ = select.select(open_relays, [], [], 0.05)
        for fd in ready:
            if not relays[fd].read(records, child):
                open_relays.remove(fd)
    for fd in open_relays:
        relays[fd].finish(records, child)
    if status is None:
        records.emit("D", os.getpid(), "stopped", 0)
        return 1
    if os.WIFSIGNALED(status):
        records.emit("D", os.getpid(), "signal", os.WTERMSIG(status), 1 if stopping else 0)
        return 1
    records.emit("D", os.getpid(), "exit", os.WEXITSTATUS(status), 1 if stopping else 0)
    return 0 if os.WEXITSTATUS(status) == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
