"""A function run in a process of its own while this one goes on: the site's downloads (Word, Excel, the PDF
conversions) take CPU that MkDocs' page building, single-threaded in this process, leaves unused. And the rules
every process the tool starts keeps, so that a stopped build leaves nothing running and nothing half made.

The process is forked, so it starts with the model in memory (nothing is pickled on the way in, and what a
test patched stays patched); only the result comes back, through a pipe. Where fork is not available
(Windows) the function runs at once, in this process.

A process of the build never outlives it:

- The forked process closes the pipe ends it does not use (a reader of its own answer would keep it blocked
  writing for ever) and holds none of the build's output open (stdin, stdout and stderr are /dev/null: `build.py
  site | tee` and a CI log reach their end when the build does); its answer and its errors come through the pipe.
- It dies with its parent: Linux sends it SIGTERM when the parent ends (``prctl(PR_SET_PDEATHSIG)``), and a thread
  looks at ``os.getppid()`` twice a second where that is not available.
- SIGTERM sets ``STOPPING`` and raises ``Stopped`` in its main thread: the work that starts programs (pdf.py) ends
  them, temporary folders are removed as the ``with`` blocks unwind, and the process ends.
- A build that stops early (MkDocs fails, the user interrupts, SIGTERM: ``stop_on_signals``) calls ``close``: the
  process is asked to stop (SIGTERM) and waited for.
- ``orphaned``: what to undo should the parent die without a word (SIGKILL leaves it no chance to clean up): the
  process then stays until the parent ``close``s it, and if the parent ends first it runs ``orphaned`` (the site
  build removes its unfinished folder) before it ends.
"""
from __future__ import annotations

import contextlib
import contextvars
import ctypes
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from cooperation.files import OutputError

T = TypeVar("T")

# set in the background process when it is asked to stop; long waits (LibreOffice) look at it
STOPPING = threading.Event()
# how often a program's wait looks at STOPPING: the preview stops the previous edit's downloads before it rebuilds,
# and waits for them (at 0.5 s, two pandoc runs in a row made each such rebuild a second later)
STOP_WAIT = 0.1
_sending = threading.Event()
_PR_SET_PDEATHSIG = 1
_RELEASE = b"r"


class Threads(ThreadPoolExecutor):
    """A thread pool whose work runs in the context of the thread that hands it over: the command's settings are
    context variables (its date, ``--today``; the language it speaks), and a plain pool's threads would see their
    defaults instead."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        return super().submit(contextvars.copy_context().run, fn, *args, **kwargs)


class RemoteError(Exception):
    """An exception in the background process that cannot be sent back as itself (a bug, not bad data:
    reported as one)."""


class Stopped(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM or SIGHUP): raised in its main thread so that every ``finally`` and
    ``with`` runs, as for Ctrl-C (a KeyboardInterrupt, so code that handles Ctrl-C handles this too)."""

    def __init__(self, signum: int = signal.SIGTERM):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Stopped`` in the main thread while the block runs (the default would end the
    process at once, its children and temporary folders left behind). A second signal during the clean-up is
    ignored. Outside the main thread (where Python cannot set handlers) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    kinds = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    before = {kind: signal.getsignal(kind) for kind in kinds}

    def stop(signum, frame) -> None:
        for kind in kinds:
            signal.signal(kind, signal.SIG_IGN)  # cleaning up: not interrupted again
        STOPPING.set()  # the programs other threads wait for (run_program) are stopped too
        raise Stopped(signum)
    for kind in kinds:
        signal.signal(kind, stop)
    try:
        yield
    finally:
        for kind, handler in before.items():
            signal.signal(kind, handler)
        STOPPING.clear()  # the process goes on (a test, the next command in the same process)


class ProgramStopped(OutputError):
    """A program was stopped because this process was asked to stop (``STOPPING``)."""


def run_program(command: list[str], data: bytes | None = None, timeout: float = 300,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``command`` run to its end, its output captured, in short waits: when this process is asked to stop
    (``STOPPING``: SIGTERM, in whichever thread the program was started) or ``timeout`` seconds pass
    (``subprocess.TimeoutExpired``), the program and every process it started (its own session: soffice's
    wrapper starts soffice.bin) are killed, as they are when this thread is interrupted (``Stopped``)."""
    if STOPPING.is_set():  # asked to stop before it began: not started at all
        raise ProgramStopped(f"{os.path.basename(command[0])} pysäytettiin: tiedostojen tekeminen keskeytettiin")
    # the input from an unnamed temporary file, not a pipe: communicate() given a timeout stops writing a pipe when
    # the timeout comes and never writes the rest on the next call (the program then waits for it: a CI run's pandoc
    # did, until its time limit)
    with tempfile.TemporaryFile() if data is not None else contextlib.nullcontext() as source:
        if source is not None and data is not None:
            source.write(data)
            source.seek(0)
        process = subprocess.Popen(command, stdin=source if source is not None else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                out, err = process.communicate(timeout=STOP_WAIT)
                break
            except subprocess.TimeoutExpired:
                if STOPPING.is_set():
                    raise ProgramStopped(f"{os.path.basename(command[0])} pysäytettiin: tiedostojen tekeminen "
                                         "keskeytettiin") from None
                if time.monotonic() > deadline:
                    raise subprocess.TimeoutExpired(command, timeout) from None
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def die_with_parent(parent: int) -> None:
    """SIGTERM to this process when ``parent`` ends: the kernel's death signal (Linux), and a thread that looks at
    the parent twice a second (elsewhere, and should the parent end before the death signal was set)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(0.5)
        os.kill(os.getpid(), signal.SIGTERM)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def detach_output() -> None:
    """stdin, stdout and stderr to /dev/null: a process that holds none of the build's output open. (What the
    parent had not yet flushed when it forked is in this process's buffers too: it goes to /dev/null, not twice
    to the build's output.)"""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


class Background(Generic[T]):
    """``function(*args)`` started now; ``result()`` waits for its value or raises its exception."""

    def __init__(self, function: Callable[..., T], *args: Any, orphaned: Callable[[], None] | None = None):
        self._outcome: tuple[bool, Any] | None = None
        self._process = None
        self._release: int | None = None
        # no fork (Windows), or already in a process of this kind (a daemonic process may not start another: the
        # site's downloads making the amendment package): run at once, here
        if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
            self._outcome = _call(function, args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        # the parent's word that it is done (or, at its end, end of file): only with something to undo
        release_read, self._release = os.pipe() if orphaned is not None else (None, None)
        # daemon: should this process end without close(), multiprocessing stops it at exit
        self._process = context.Process(target=_serve, daemon=True, args=(
            send, self._receive, release_read, self._release, os.getpid(), orphaned, function, args))
        self._process.start()
        send.close()  # the child's end: the pipe reads EOF when the child ends without answering
        if release_read is not None:
            os.close(release_read)

    def result(self) -> T:
        if self._outcome is None:
            self._outcome = self._wait()
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stops the work if it is still running, tells the process it may end, and waits for it to end."""
        if self._process is None:
            return
        if self._outcome is None:
            self._process.terminate()
            self._outcome = self._wait()
        if self._release is not None:
            with contextlib.suppress(OSError):  # it may have ended already
                os.write(self._release, _RELEASE)
            os.close(self._release)
            self._release = None
        self._process.join()

    def _wait(self) -> tuple[bool, Any]:
        assert self._process is not None
        try:
            answer = self._receive.recv()  # before join: a large answer would otherwise fill the pipe and block both
        except EOFError:
            self._process.join()
            answer = (False, OutputError("tiedostojen tekeminen keskeytyi: sen tehnyt prosessi päättyi "
                                         f"(koodi {self._process.exitcode})"))
        except Exception as exc:  # noqa: BLE001 - an answer that does not unpickle: a bug, said as one
            answer = (False, RemoteError(f"{type(exc).__name__}: {exc}"))
        finally:
            self._receive.close()
        if self._release is None:  # nothing to wait for: it ends once it has answered
            self._process.join()
        return answer


def _call(function: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except Exception as exc:  # raised again by result(), in the caller's process
        return False, exc


def _serve(send, receive, release: int | None, release_write: int | None, parent: int,
           orphaned: Callable[[], None] | None, function: Callable[..., Any], args: tuple) -> None:
    receive.close()  # the parent's end: with it open here, nobody would ever read EOF, nor this process stop writing
    if release_write is not None:
        os.close(release_write)
    detach_output()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the parent, which stops this process
    signal.signal(signal.SIGTERM, lambda signum, frame: _stop(parent, orphaned))
    try:
        die_with_parent(parent)
        if os.getppid() != parent:  # it ended before this process could ask to be told
            raise Stopped()
        answer = _call(function, args)
        if not answer[0]:
            answer = (False, _sendable(answer[1]))
        _sending.set()
        try:
            send.send(answer)
            send.close()
        except OSError:  # the parent closed its end: it is ending, and its files close before its death signal comes
            _parent_ended(parent, orphaned)
        _sending.clear()
        if release is not None:  # the parent's word, or end of file when it ended without one
            if os.read(release, 1) != _RELEASE and orphaned is not None:
                orphaned()
    except Stopped:
        if orphaned is not None and os.getppid() != parent:
            orphaned()
    os._exit(0)  # not multiprocessing's exit: its handlers would flush and join what the parent owns


def _parent_ended(parent: int, orphaned: Callable[[], None] | None) -> None:
    """The answer could not be sent: the parent ended without reading it. Once this process has been handed to
    another parent, ``orphaned`` runs (the death signal, which may come meanwhile, is ignored: it would start the
    same clean-up again in the middle of this one)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if orphaned is None:
        os._exit(1)
    deadline = time.monotonic() + 10
    while os.getppid() == parent and time.monotonic() < deadline:
        time.sleep(0.02)
    if os.getppid() != parent:
        orphaned()
    os._exit(1)


def _stop(parent: int, orphaned: Callable[[], None] | None) -> None:
    if STOPPING.is_set():  # asked again (the death signal and the watching thread both ask): already stopping, and
        return  # a second Stopped would cut short the clean-up of the first (LibreOffice still running)
    STOPPING.set()
    if _sending.is_set():  # the answer may be too large for a pipe nobody reads: end now
        if orphaned is not None and os.getppid() != parent:
            orphaned()
        os._exit(1)
    raise Stopped()


def _sendable(exc: Exception) -> Exception:
    """The exception itself where it pickles and unpickles, else its type and text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - whatever the reason, its text still tells what happened
        return RemoteError(f"{type(exc).__name__}: {exc}")
