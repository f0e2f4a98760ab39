# Concurrency Lab: Python imports this module at start-up in every process of a run, because the
# app puts this folder first on PYTHONPATH. It loads the tracer only when the app started the run
# (CLAB_TRACE_FD is set), then hands over to the sitecustomize this one shadows, if any, so that a
# distribution's own start-up hooks still run.
import os as _os
import sys as _sys

if _os.environ.get("CLAB_TRACE_FD"):
    try:
        import _concurrencylab_tracer

        _concurrencylab_tracer.install()
    except Exception as _e:  # a broken tracer must not stop the lecturer's script
        _sys.__stderr__.write(f"[Concurrency Lab] tracer not loaded: {_e!r}\n")


def _chain():
    import importlib.machinery

    here = _os.path.dirname(_os.path.abspath(__file__))
    path = [p for p in _sys.path if _os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is not None and spec.loader is not None:
        import importlib.util  # only then: it imports contextlib, a cost on every run's start

        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


try:
    _chain()
except Exception:
    pass
