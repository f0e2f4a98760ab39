# Concurrency Lab's tracer: loaded by sitecustomize into every Python process of a run (the first,
# children made by fork, spawn and forkserver, every Pool worker). Standard library only.
#
# Records go to a pipe of their own (fd CLAB_TRACE_FD, checked against CLAB_TRACE_INO so that a
# Python started some other way, where that number is another file, stays untraced), never to
# stdout, so nothing a script prints can pass for one. Each record is one line,
#   kind TAB pid TAB tid TAB monotonic-ns TAB a TAB b TAB c TAB text NEWLINE
# written by a single os.write of at most PIPE_BUF bytes: records of all the processes sharing the
# pipe arrive whole. The text field has \ TAB NEWLINE CR escaped; a long line goes in pieces of at
# most PIECE characters (a = 1 on all but the last), so that every record stays under PIPE_BUF.
#
# The app steers the run through RUN_DIR/control, a small file every process of the run maps
# (CONTROL_SIZE bytes; fork children inherit the mapping, spawned ones map it again): byte 0 holds
# flags (PAUSED, LINES), byte 1 counts Steps (modulo 256), bytes 4-7 the slow-motion step in
# milliseconds (unsigned, little-endian). The hooks look at byte 0 only, so a run that is neither
# paused nor slowed pays one index per hook. Paused, a thread waits at its next hook (or line, when
# lines are traced) and says so ('H', then 'h'); when byte 1 changes it goes on to the next one and
# waits there again (a Step). With LINES each line of the script's own file is reported ('N') and,
# with a slow-motion step, followed by that pause; a hook reached from a line of the script then
# does not hold the thread, as the line did.
import _thread
import atexit
import errno
import io
import itertools
import os
import signal
import sys
import threading
import time

PIECE = 900  # characters; at most 4 bytes each in UTF-8, plus escapes and the header < 4096
NAME_MAX = 200

CONTROL_SIZE = 16
PAUSED = 1
LINES = 2

_fd = None
_life_fd = None
_ctl = None  # the run's control mapping, or None
_script = None  # the script's own file, as its code objects name it
_script_files = {}  # co_filename -> whether it is the script's own file
_pid = None
_run_dir = None
_max_processes = 64
_main_process = False
_in_forkserver = False
_announced = True
_pending = None  # (t, ppid, parent tid, method, default name) until the process is announced
_exit_code = 0
_lines = itertools.count()  # next() is atomic: lines written by this process
_fork_parent_tid = 0
_fork_time = 0  # when the last os.fork was called: the child inherits it, so both place the fork there
_local = threading.local()
_here = os.path.abspath(__file__)
_stdlib = os.path.dirname(os.path.abspath(threading.__file__)) + os.sep
_site_dirs = ("site-packages", "dist-packages")

_real_write = os.write
_real_exit = os._exit
_real_fork = getattr(os, "fork", None)
_real_waitpid = getattr(os, "waitpid", None)
_real_sleep = time.sleep
_real_sys_exit = sys.exit
_real_allocate_lock = _thread.allocate_lock
_real_rlock = threading.RLock
_ident = _thread.get_ident
_native_id = threading.get_native_id
_now = time.monotonic_ns


def _esc(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _token(value):
    return str(value).replace("\t", " ").replace("\n", " ")[:NAME_MAX]


def _emit(kind, a="", b="", c="", text="", t=None, tid=None):
    if _fd is None:
        return
    if not _announced:
        _announce(None)
    if t is None:
        t = _now()
    if tid is None:
        tid = _native_id()
    record = f"{kind}\t{_pid}\t{tid}\t{t}\t{a}\t{b}\t{c}\t{_esc(text)}\n"
    data = record.encode("utf-8", "backslashreplace")
    try:
        _real_write(_fd, data)  # <= PIPE_BUF on a blocking pipe: all or nothing, never mixed
    except OSError as e:
        if e.errno in (errno.EPIPE, errno.EBADF):
            _app_gone()
        raise


def _app_gone():
    """The app no longer reads the records: this process of its run ends now."""
    global _fd
    _fd = None
    try:
        os.kill(os.getpid(), signal.SIGKILL)
    finally:
        _real_exit(137)


def _announce(name):
    global _announced
    if _announced or _pending is None:
        return
    _announced = True
    t, ppid, ptid, method, default = _pending
    _emit("P", ppid, ptid, method, _token(name or default)[:NAME_MAX], t=t)


def _from_script(past=()):
    """True when the code calling into the tracer is the script's (not the standard library's),
    looking past the frames of the files in `past` (the factory a script calls, as
    multiprocessing.context is for multiprocessing.Lock())."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_code.co_filename == _here or frame.f_code.co_filename in past):
        frame = frame.f_back
    if frame is None:
        return False
    name = frame.f_code.co_filename
    if name.startswith("<frozen"):
        return False
    if not name.startswith(_stdlib):
        return True
    return any(d in name[len(_stdlib):] for d in _site_dirs)


# --- pause, slow motion and lines ---------------------------------------------------------------


def _gate():
    """Called by every hook: returns at once unless the lecturer paused the run or wants lines."""
    c = _ctl
    if c is None or not c[0]:
        return
    flags = c[0]
    if flags & LINES and sys.gettrace() is None:
        _trace_this_thread(sys._getframe(1))
    if flags & PAUSED and not (flags & LINES and _in_a_script_line()):
        _hold()


def _in_a_script_line():
    """Whether the hook was reached from a line of the script, looking past the tracer's and the
    standard library's frames: with lines traced, that line held the thread, and a Step runs it
    whole. A hook reached from another module of the script's is a step of its own."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if _is_script(name):
            return True
        if name != _here and not name.startswith(("<frozen", _stdlib)):
            return False
        frame = frame.f_back
    return False


def _hold():
    """Waits here while the run is paused, or until the next Step; the lane shows PAUSED meanwhile."""
    if getattr(_local, "holding", False):
        return
    _local.holding = True
    seen = _announced  # a spawned child still starting has no lane to show it on yet
    try:
        if seen:
            _emit("H")
        steps = _ctl[1]
        while _ctl[0] & PAUSED and _ctl[1] == steps:
            _real_sleep(0.02)
        if seen:
            _emit("h")
    finally:
        _local.holding = False


def _step_millis():
    return int.from_bytes(_ctl[4:8], "little")


def _is_script(filename):
    known = _script_files.get(filename)
    if known is None:
        known = _script_files[filename] = _script is not None and os.path.abspath(filename) == _script
    return known


def _trace_calls(frame, event, arg):
    """The thread's trace function: only frames of the script's own file are traced by line."""
    if _is_script(frame.f_code.co_filename):
        return _trace_lines
    return None


def _trace_lines(frame, event, arg):
    if event != "line":
        return _trace_lines
    c = _ctl
    if c is None or not c[0] & LINES:
        sys.settrace(None)  # lines are no longer wanted: this thread goes back to full speed
        return None
    if _announced:  # not before a spawned child's lane has its name
        _emit("N", frame.f_lineno)
    if c[0] & PAUSED:
        _hold()
    step = _step_millis()
    if step:
        _real_sleep(step / 1000)
    return _trace_lines


def _trace_this_thread(frame):
    """Line tracing from now on in this thread, including the script frames it is inside."""
    sys.settrace(_trace_calls)
    while frame is not None:
        if _is_script(frame.f_code.co_filename):
            frame.f_trace = _trace_lines
        frame = frame.f_back


def _open_control():
    global _ctl
    if _run_dir is None:
        return
    import mmap

    try:
        fd = os.open(os.path.join(_run_dir, "control"), os.O_RDONLY)
        try:
            _ctl = mmap.mmap(fd, CONTROL_SIZE, access=mmap.ACCESS_READ)
        finally:
            os.close(fd)
    except (OSError, ValueError):
        _ctl = None


# --- output ---------------------------------------------------------------------------------------


def _line(kind, text, tid):
    _gate()
    next(_lines)
    while len(text) > PIECE:
        _emit(kind, 1, text=text[:PIECE], tid=tid)
        text = text[PIECE:]
    _emit(kind, 0, text=text, tid=tid)


class _Bytes(io.RawIOBase):
    """sys.stdout.buffer: bytes become text (invalid UTF-8 as U+FFFD), then lines."""

    def __init__(self, stream):
        self._stream = stream
        self._decoders = {}

    def writable(self):
        return True

    def write(self, data):
        import codecs

        tid = _native_id()
        decoder = self._decoders.get(tid)
        if decoder is None:
            decoder = self._decoders[tid] = codecs.getincrementaldecoder("utf-8")("replace")
        self._stream.write(decoder.decode(bytes(data)))
        return len(data)

    def fileno(self):
        return self._stream.fileno()


class _Stream(io.TextIOBase):
    """sys.stdout / sys.stderr: each complete line becomes a record of the thread that wrote it."""

    def __init__(self, kind, original):
        self._kind = kind
        self._original = original
        self._parts = {}
        self._buffer = _Bytes(self)

    encoding = "utf-8"
    errors = "replace"
    newlines = None
    line_buffering = True

    @property
    def buffer(self):
        return self._buffer

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._original.fileno()

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        tid = _native_id()
        pending = self._parts.pop(tid, None)
        whole = pending + text if pending else text
        if "\n" in whole:
            lines = whole.split("\n")
            rest = lines.pop()
            for line in lines:
                _line(self._kind, line, tid)
        else:
            rest = whole
        while len(rest) > PIECE:  # an endless line goes out in pieces, not kept in memory
            _emit(self._kind, 1, text=rest[:PIECE], tid=tid)
            rest = rest[PIECE:]
        if rest:
            self._parts[tid] = rest
        return len(text)

    def flush(self):
        pass

    def end_thread(self, tid):
        rest = self._parts.pop(tid, None)
        if rest:
            _line(self._kind, rest, tid)

    def end_all(self):
        for tid in list(self._parts):
            self.end_thread(tid)

    def forget(self):
        self._parts.clear()
        self._buffer._decoders.clear()


_streams = []


def _end_lines(tid=None):
    for stream in _streams:
        if tid is None:
            stream.end_all()
        else:
            stream.end_thread(tid)


# --- sleeps, joins, waits -------------------------------------------------------------------------


def _sleep(seconds):
    _gate()
    _emit("S", text=repr(seconds))
    try:
        _real_sleep(seconds)
    finally:
        _emit("s")


def _waiting(what, call, *args):
    _gate()
    _emit("J", text=what)
    try:
        return call(*args)
    finally:
        _emit("j")


_real_thread_join = threading.Thread.join


def _thread_join(self, timeout=None):
    if not _from_script():
        return _real_thread_join(self, timeout)
    return _waiting("join " + self.name, _real_thread_join, self, timeout)


def _waitpid(pid, options):
    blocking = options & getattr(os, "WNOHANG", 1) == 0
    if blocking and _from_script():
        result = _waiting(f"waitpid {pid}", _real_waitpid, pid, options)
    else:
        result = _real_waitpid(pid, options)
    _reaped(result[0], result[1])
    return result


def _reaped(pid, status):
    if pid <= 0:
        return
    if os.WIFSIGNALED(status):
        _emit("W", pid, "signal", os.WTERMSIG(status))
    elif os.WIFEXITED(status):
        _emit("W", pid, "exit", os.WEXITSTATUS(status))


# --- threads --------------------------------------------------------------------------------------

_real_thread_start = threading.Thread.start
_real_bootstrap_inner = threading.Thread._bootstrap_inner
_real_excepthook = threading.excepthook


def _thread_start(self):
    self._clab_traced = _from_script()
    self._clab_parent = _native_id()
    return _real_thread_start(self)


def _bootstrap_inner(self):
    if not getattr(self, "_clab_traced", False):
        return _real_bootstrap_inner(self)
    _emit("T", getattr(self, "_clab_parent", 0), text=_token(self.name))
    if _ctl is not None and _ctl[0] & LINES:
        sys.settrace(_trace_calls)
    _gate()
    try:
        _real_bootstrap_inner(self)
    finally:
        tid = _native_id()
        _end_lines(tid)
        _emit("U", 1 if getattr(self, "_clab_raised", False) else 0)


def _excepthook(args):
    if args.thread is not None:
        args.thread._clab_raised = True
    return _real_excepthook(args)


# --- locks ----------------------------------------------------------------------------------------

_lock_numbers = itertools.count(1)


class _TracedLock:
    """A threading.Lock or RLock the script made; it reports each wait, acquisition and release."""

    def __init__(self, real, kind):
        self._real = real
        self._kind = kind
        self._number = next(_lock_numbers)
        self._owner = None
        self._count = 0

    def _id(self):
        return f"{_pid}-{self._number}"

    def _label(self):
        return f"{self._kind} {self._number}"

    def acquire(self, blocking=True, timeout=-1):
        _gate()
        me = _ident()
        held = self._count if self._owner == me else 0
        if not self._real.acquire(False):
            if not blocking:
                return False
            _emit("L", "w", self._id(), held, self._label())
            if not self._real.acquire(True, timeout):
                _emit("L", "x", self._id(), held, self._label())
                return False
        self._owner = me
        self._count = held + 1
        _emit("L", "a", self._id(), self._count, self._label())
        return True

    def release(self):
        me = _ident()
        after = self._count - 1 if self._owner == me else 0
        t = _now()  # before the real release: whoever gets it next cannot seem to get it earlier
        before = (self._owner, self._count)
        if after <= 0:
            self._owner, self._count = None, 0
        else:
            self._count = after
        try:
            self._real.release()
        except BaseException:
            self._owner, self._count = before
            raise
        _emit("L", "r", self._id(), max(after, 0), self._label(), t=t)
        _gate()

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        if hasattr(self._real, "locked"):
            return self._real.locked()
        return self._owner is not None

    def _is_owned(self):
        return self._owner == _ident()

    def _release_save(self):
        # Condition.wait on an RLock: all holds go at once and come back after the wait
        count = self._count
        t = _now()
        self._owner, self._count = None, 0
        state = self._real._release_save()
        _emit("L", "r", self._id(), 0, self._label(), t=t)
        return (state, count)

    def _acquire_restore(self, saved):
        state, count = saved
        _emit("L", "w", self._id(), 0, self._label())
        self._real._acquire_restore(state)
        self._owner, self._count = _ident(), count
        _emit("L", "a", self._id(), count, self._label())

    def _at_fork_reinit(self):
        self._real._at_fork_reinit()
        self._owner, self._count = None, 0

    def __repr__(self):
        return f"<traced {self._kind} {self._number} of {self._real!r}>"


def _lock_factory():
    real = _real_allocate_lock()
    return _TracedLock(real, "Lock") if _from_script() else real


def _rlock_factory(*args, **kwargs):
    real = _real_rlock(*args, **kwargs)
    return _TracedLock(real, "RLock") if _from_script() else real


# --- processes ------------------------------------------------------------------------------------


class ProcessLimitError(BlockingIOError):
    pass


def _count_path():
    return os.path.join(_run_dir, "processes")


def _started_processes(add):
    """How many processes the run has started (plus `add` when it is still allowed), under a lock."""
    import fcntl

    fd = os.open(_count_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
        count = int(text) if text.isdigit() else 0
        if add < 0 or add and count < _max_processes:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            _real_write(fd, str(max(0, count + add)).encode("ascii"))
            return count + add, True
        return count, False
    finally:
        os.close(fd)


def _limit_message(count):
    return (f"Concurrency Lab: this run may start at most {_max_processes} processes "
            f"and has started {count}; no more are made and the run stops")


def _reserve():
    """Takes one of the run's process slots before a process is made, or refuses inside the script."""
    if _run_dir is None:
        return
    count, ok = _started_processes(1)
    if not ok:
        message = _limit_message(count)
        _emit("M", text=message)
        raise ProcessLimitError(errno.EAGAIN, message)


def _release():
    """The process the slot was taken for was not made."""
    if _run_dir is not None:
        _started_processes(-1)


def _fork():
    # a Process.start has taken the slot already; in the forkserver the requesting process has
    reserved = getattr(_local, "mp_reserved", False) or _in_forkserver
    by_script = getattr(_local, "mp_starting", None) is None and not _in_forkserver
    if not reserved:
        _reserve()
    try:
        pid = _real_fork()
    except BaseException:
        if not reserved:
            _release()
        raise
    if pid > 0 and by_script:
        _emit("Y", pid, t=_fork_time)  # what os.fork returned in the parent
    return pid


def _before_fork():
    global _fork_parent_tid, _fork_time
    _fork_parent_tid = _native_id()
    _fork_time = _now()


def _after_fork_child():
    global _pid, _announced, _pending, _main_process, _lines
    parent = _pid
    _lines = itertools.count()
    _pid = os.getpid()
    _main_process = False
    for stream in _streams:
        stream.forget()
    via_mp = getattr(_local, "mp_starting", None)
    if _in_forkserver:
        method, default = "forkserver", "forkserver child"
    elif via_mp is not None:
        method, default = "fork", via_mp
    else:
        method, default = "os.fork", "child"
    _pending = (_fork_time or _now(), parent, _fork_parent_tid, method, default)
    _announced = False  # its slot was taken by the parent, before the fork
    if via_mp is None and not _in_forkserver:
        _announce(None)
    _watch_app()


def _take_slot_or_exit():
    if _run_dir is None:
        return
    count, ok = _started_processes(1)
    if not ok:
        message = _limit_message(count)
        _emit("M", text=message)
        try:
            sys.__stderr__.write(message + "\n")
        except Exception:
            pass
        _real_exit(1)


def _exit(code):
    try:
        _end_lines()
        _emit("X", code, next(_lines))
    except BaseException:
        pass
    _real_exit(code)


def _sys_exit(code=None):
    global _exit_code
    if code is None:
        _exit_code = 0
    elif isinstance(code, int):
        _exit_code = code
    else:
        _exit_code = 1
    _real_sys_exit(code)


_real_sys_excepthook = sys.excepthook


def _sys_excepthook(kind, value, tb):
    global _exit_code
    if not issubclass(kind, SystemExit):
        _exit_code = 1
    return _real_sys_excepthook(kind, value, tb)


def _at_exit():
    _end_lines()
    # the first process's status comes from the supervisor, who sees the real one
    if not _main_process:
        _emit("X", _exit_code, next(_lines))
    else:
        _emit("Z", next(_lines))


def _await_supervisor():
    """The first process starts while the supervisor makes itself the run's subreaper; the
    supervisor's byte on the life pipe says it is done (end of file: it is gone, and so is this
    process, by _watch_app). Before it no line of the script runs, so no process escapes the run."""
    if _life_fd is not None:
        try:
            os.read(_life_fd, 1)
        except OSError:
            pass


def _watch_app():
    """A thread of no lane that ends this process when the run's supervisor is gone."""
    if _life_fd is None:
        return

    def watch():
        try:
            while os.read(_life_fd, 64):
                pass
        except OSError:
            pass
        try:
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            _real_exit(137)

    _thread.start_new_thread(watch, ())


# --- multiprocessing, patched as its modules are imported ----------------------------------------


def _patch_process(module):
    BaseProcess = module.BaseProcess
    real_start = BaseProcess.start
    real_bootstrap = BaseProcess._bootstrap
    real_join = BaseProcess.join

    def start(self):
        _reserve()
        _local.mp_starting = _token(self.name)
        _local.mp_reserved = True
        try:
            return real_start(self)
        except BaseException:
            _release()
            raise
        finally:
            _local.mp_starting = None
            _local.mp_reserved = False

    def _bootstrap(self, *args, **kwargs):
        _announce(self.name)
        return real_bootstrap(self, *args, **kwargs)

    def join(self, timeout=None):
        if _from_script():
            return _waiting("join " + self.name, real_join, self, timeout)
        if sys._getframe(1).f_code.co_name == "_exit_function":
            # the script's last line is done, and multiprocessing waits for its children at exit
            return _waiting("at exit: join " + self.name, real_join, self, timeout)
        return real_join(self, timeout)

    BaseProcess.start = start
    BaseProcess._bootstrap = _bootstrap
    BaseProcess.join = join


def _patch_util(module):
    real = module.spawnv_passfds

    def spawnv_passfds(path, args, passfds):
        extra = [fd for fd in (_fd, _life_fd) if fd is not None]
        return real(path, args, list(passfds) + extra)

    module.spawnv_passfds = spawnv_passfds


class _TracedQueue:
    """The Pool worker's task queue: each task's function reports its begin, end or failure."""

    def __init__(self, queue):
        self._queue = queue

    def __getattr__(self, name):
        return getattr(self._queue, name)

    def get(self):
        task = self._queue.get()
        if task is None:
            return task
        job, i, func, args, kwds = task
        return (job, i, _traced_task(job, i, func, args), args, kwds)


def _short(value):
    """An argument as a task's box shows it: floats to 3 digits (a sleep of 1.6076460129200676 s reads 1.61)."""
    return f"{value:.3g}" if type(value) is float else repr(value)


def _task_label(func, args):
    name = getattr(func, "__name__", "task")
    if name == "mapstar" and args:
        name = getattr(args[0][0], "__name__", "map")
    shown = ", ".join(_short(a) for a in args[:3]) if name != "mapstar" else ""
    label = f"{name}({shown})" if shown else name
    return _token(label)[:80]


def _traced_task(job, i, func, args):
    def run(*a, **k):
        _gate()
        _emit("K", job, i, text=_task_label(func, a))
        try:
            result = func(*a, **k)
        except BaseException as e:
            _emit("F", job, i, text=_token(f"{type(e).__name__}: {e}"))
            raise
        _emit("k", job, i)
        return result

    return run


def _patch_pool(module):
    real_worker = module.worker

    def worker(inqueue, outqueue, *args, **kwargs):
        return real_worker(_TracedQueue(inqueue), outqueue, *args, **kwargs)

    worker.__module__ = real_worker.__module__
    worker.__qualname__ = real_worker.__qualname__
    worker.__name__ = real_worker.__name__
    module.worker = worker  # pickled by name for spawn: the child finds this one under the same name

    real_join = module.Pool.join

    def join(self):
        if not _from_script():
            return real_join(self)
        return _waiting("pool.join", real_join, self)

    module.Pool.join = join


def _patch_forkserver(module):
    real_main = module.main

    def main(*args, **kwargs):
        global _in_forkserver
        _in_forkserver = True
        return real_main(*args, **kwargs)

    module.main = main


# --- multiprocessing locks and queues, queue.Queue -------------------------------------------------
#
# A lock or queue the script made is known on every process by one id (its maker's pid and number),
# kept with it when it is pickled for a spawned child. Lock records are those of threading's locks.
# Queue records: kind q, a = "w" (waits: empty on get, full on put), "x" (gave up waiting),
# "p:TAG" or "g:TAG" (an item put or got; the TAG of a put is the TAG of the get that took that
# item), b = the queue's id, c = the items inside after it (-1 when the platform cannot tell).

_ITEM = "\x00clab-item"
_item_numbers = itertools.count(1)


def _mp_files(module, *names):
    base = os.path.dirname(os.path.abspath(module.__file__))
    return tuple(os.path.join(base, n) for n in names)


def _patch_synchronize(module):
    SemLock = module.SemLock
    past = _mp_files(module, "context.py", "synchronize.py")
    real_make_methods = SemLock._make_methods
    real_enter = SemLock.__enter__
    real_exit = SemLock.__exit__

    def traced(cls, kind):
        real_init = cls.__init__

        def __init__(self, *args, **kwargs):
            real_init(self, *args, **kwargs)
            if _fd is not None and _from_script(past):
                number = next(_lock_numbers)
                self._clab = (f"{_pid}-{number}", f"multiprocessing.{kind} {number}", kind == "RLock")
                self._make_methods()

        cls.__init__ = __init__

    def _make_methods(self):
        real_make_methods(self)
        info = self.__dict__.get("_clab")
        if info is None:
            return
        lock_id, label, reentrant = info
        sl = self._semlock

        def held():
            if not sl._is_mine():
                return 0
            return sl._count() if reentrant else 1

        def acquire(block=True, timeout=None):
            _gate()
            before = held()
            if not sl.acquire(False):
                if not block:
                    return False
                _emit("L", "w", lock_id, before, label)
                if not sl.acquire(True, timeout):
                    _emit("L", "x", lock_id, before, label)
                    return False
            _emit("L", "a", lock_id, before + 1, label)
            return True

        def release():
            after = max(held() - 1, 0)
            t = _now()
            sl.release()
            _emit("L", "r", lock_id, after, label, t=t)
            _gate()

        self.acquire = acquire
        self.release = release

    def __enter__(self):
        if "_clab" in self.__dict__:
            return self.acquire()
        return real_enter(self)

    def __exit__(self, *args):
        if "_clab" in self.__dict__:
            return self.release()
        return real_exit(self, *args)

    SemLock._make_methods = _make_methods
    SemLock.__enter__ = __enter__
    SemLock.__exit__ = __exit__
    _keep_info_when_pickled(SemLock)
    traced(module.Lock, "Lock")
    traced(module.RLock, "RLock")


def _queue_record(what, info, size):
    _emit("q", what, info[0], size, info[1])


def _patch_mp_queues(module):
    Queue = module.Queue
    past = _mp_files(module, "context.py", "queues.py")
    real_init = Queue.__init__
    real_put = Queue.put
    real_get = Queue.get

    def size(q):
        try:
            return q.qsize()
        except (NotImplementedError, OSError):
            return -1

    def __init__(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        if _fd is not None and type(self) is Queue and _from_script(past):
            number = next(_lock_numbers)
            self._clab = (f"{_pid}-{number}", f"multiprocessing.Queue {number}")

    def put(self, obj, block=True, timeout=None):
        info = self.__dict__.get("_clab")
        if info is None:
            return real_put(self, obj, block, timeout)
        _gate()
        tag = f"{_pid}-{next(_item_numbers)}"
        waited = block and self.full()
        if waited:
            _queue_record("w", info, size(self))
        try:
            real_put(self, (_ITEM, tag, obj), block, timeout)
        except BaseException:
            if waited:
                _queue_record("x", info, size(self))
            raise
        _queue_record("p:" + tag, info, size(self))

    def get(self, block=True, timeout=None):
        info = self.__dict__.get("_clab")
        if info is None:
            return _unwrap(real_get(self, block, timeout))[1]
        _gate()
        waited = block and self.empty()
        if waited:
            _queue_record("w", info, size(self))
        try:
            item = real_get(self, block, timeout)
        except BaseException:
            if waited:
                _queue_record("x", info, size(self))
            raise
        tag, obj = _unwrap(item)
        _queue_record("g:" + (tag or "?"), info, size(self))
        return obj

    Queue.__init__ = __init__
    Queue.put = put
    Queue.get = get
    _keep_info_when_pickled(Queue)


def _keep_info_when_pickled(cls):
    """A traced object sent to a spawned process keeps its sync-object id there."""
    real_getstate = cls.__getstate__
    real_setstate = cls.__setstate__

    def __getstate__(self):
        state = real_getstate(self)
        info = self.__dict__.get("_clab")
        return state if info is None else (_ITEM, state, info)

    def __setstate__(self, state):
        if isinstance(state, tuple) and len(state) == 3 and state[0] == _ITEM:
            _, state, self._clab = state
        real_setstate(self, state)

    cls.__getstate__ = __getstate__
    cls.__setstate__ = __setstate__


def _unwrap(item):
    if type(item) is tuple and len(item) == 3 and item[0] == _ITEM:
        return item[1], item[2]
    return None, item


def _patch_queue(module):
    Queue = module.Queue
    real_init = Queue.__init__
    real_put = Queue.put
    real_get = Queue.get
    real__put = Queue._put
    real__get = Queue._get

    def __init__(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        if _fd is not None and type(self) is Queue and _from_script():
            number = next(_lock_numbers)
            self._clab = (f"{_pid}-{number}", f"Queue {number}")
            self._clab_puts = 0
            self._clab_gets = 0

    # _put and _get run under the queue's own mutex: their numbers are the order of the items
    def _put(self, item):
        real__put(self, item)
        info = self.__dict__.get("_clab")
        if info is not None:
            self._clab_puts += 1
            _queue_record(f"p:{info[0]}#{self._clab_puts}", info, self._qsize())

    def _get(self):
        item = real__get(self)
        info = self.__dict__.get("_clab")
        if info is not None:
            self._clab_gets += 1
            _queue_record(f"g:{info[0]}#{self._clab_gets}", info, self._qsize())
        return item

    def waiting(self, block, full):
        info = self.__dict__.get("_clab")
        if info is None:
            return None
        _gate()
        if block and (full if full is not None else not self._qsize()):
            _queue_record("w", info, self._qsize())
            return info
        return None

    def put(self, item, block=True, timeout=None):
        info = waiting(self, block, 0 < self.maxsize <= self._qsize())
        try:
            return real_put(self, item, block, timeout)
        except BaseException:
            if info is not None:
                _queue_record("x", info, self._qsize())
            raise

    def get(self, block=True, timeout=None):
        info = waiting(self, block, None)
        try:
            return real_get(self, block, timeout)
        except BaseException:
            if info is not None:
                _queue_record("x", info, self._qsize())
            raise

    Queue.__init__ = __init__
    Queue._put = _put
    Queue._get = _get
    Queue.put = put
    Queue.get = get


_patches = {
    "multiprocessing.process": _patch_process,
    "multiprocessing.util": _patch_util,
    "multiprocessing.pool": _patch_pool,
    "multiprocessing.forkserver": _patch_forkserver,
    "multiprocessing.synchronize": _patch_synchronize,
    "multiprocessing.queues": _patch_mp_queues,
    "queue": _patch_queue,
}


class _PatchingFinder:
    """Patches a multiprocessing module right after it is imported, so an unused one costs nothing."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name not in _patches:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        real_exec = spec.loader.exec_module

        def exec_module(module):
            real_exec(module)
            _patches[name](module)

        spec.loader.exec_module = exec_module
        return spec


# --- start-up -------------------------------------------------------------------------------------


def _start_method():
    argv = list(getattr(sys, "orig_argv", sys.argv))
    joined = " ".join(argv)
    if "--multiprocessing-fork" in argv:
        return "spawn", "spawned", True
    if "multiprocessing.forkserver import main" in joined:
        return "spawn", "forkserver", False
    if "multiprocessing.resource_tracker import main" in joined:
        return "spawn", "resource_tracker", False
    return "exec", "python", False


def install():
    global _fd, _life_fd, _pid, _run_dir, _max_processes, _main_process, _pending, _announced, _script
    env = os.environ
    try:
        fd = int(env["CLAB_TRACE_FD"])
        if os.fstat(fd).st_ino != int(env.get("CLAB_TRACE_INO", "-1")):
            return  # that number is some other file here: not a process the app traces
    except (KeyError, ValueError, OSError):
        return
    _fd = fd
    try:
        life = int(env.get("CLAB_LIFE_FD", ""))
        if os.fstat(life).st_ino == int(env.get("CLAB_LIFE_INO", "-1")):
            _life_fd = life
    except (ValueError, OSError):
        pass
    _pid = os.getpid()
    _run_dir = env.get("CLAB_RUN_DIR") or None
    _max_processes = int(env.get("CLAB_MAX_PROCESSES", "64"))
    _script = os.path.abspath(env["CLAB_SCRIPT"]) if env.get("CLAB_SCRIPT") else None
    _open_control()
    if env.get("CLAB_FIRST") == "1":
        del os.environ["CLAB_FIRST"]  # only this process is the run's first
        _main_process = True
        method, default, deferred = "main", "MainProcess", False
    else:
        method, default, deferred = _start_method()
    _pending = (_now(), os.getppid(), 0, method, default)
    _announced = False
    if not _main_process and not deferred:
        _take_slot_or_exit()  # a spawned child's slot was taken by the Process.start that made it
    elif _run_dir is not None:
        _started_processes(1)
    if not deferred:
        _announce(None)

    sys.stdout = _Stream("O", sys.stdout)
    sys.stderr = _Stream("E", sys.stderr)
    _streams.extend([sys.stdout, sys.stderr])
    time.sleep = _sleep
    threading.Lock = _lock_factory
    threading.RLock = _rlock_factory
    threading.Thread.start = _thread_start
    threading.Thread._bootstrap_inner = _bootstrap_inner
    threading.Thread.join = _thread_join
    threading.excepthook = _excepthook
    sys.excepthook = _sys_excepthook
    sys.exit = _sys_exit
    os._exit = _exit
    if _real_fork is not None:
        os.fork = _fork
        os.register_at_fork(before=_before_fork, after_in_child=_after_fork_child)
    if _real_waitpid is not None:
        os.waitpid = _waitpid
    sys.meta_path.insert(0, _PatchingFinder)
    for name, patch in _patches.items():
        if name in sys.modules:
            patch(sys.modules[name])
    atexit.register(_at_exit)
    if _ctl is not None and _ctl[0] & LINES:
        sys.settrace(_trace_calls)
    if _main_process:
        _await_supervisor()
    _watch_app()
