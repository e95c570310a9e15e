"""A function run in a process of its own while this one goes on: the site's downloads (Word, Excel, the PDF
conversions) take CPU that MkDocs' page building, single-threaded in this process, leaves unused.

The process is forked, so it starts with the model in memory (nothing is pickled on the way in, and what a
test patched stays patched); only the result comes back, through a pipe. Where fork is not available
(Windows) the function runs at once, in this process.

A build that stops early (MkDocs fails, the user interrupts) calls ``close``: the process is asked to stop
(SIGTERM), ``STOPPING`` is set in it, and the work that starts programs (pdf.py) ends them and removes its
temporary files instead of leaving LibreOffice running.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from cooperation.files import OutputError

T = TypeVar("T")

# set in the background process when it is asked to stop; long waits (LibreOffice) look at it
STOPPING = threading.Event()
_sending = threading.Event()


class RemoteError(Exception):
    """An exception in the background process that cannot be sent back as itself (a bug, not bad data:
    reported as one)."""


class Background(Generic[T]):
    """``function(*args)`` started now; ``result()`` waits for its value or raises its exception."""

    def __init__(self, function: Callable[..., T], *args: Any):
        self._outcome: tuple[bool, Any] | None = None
        self._process = None
        # no fork (Windows), or already in a process of this kind (a daemonic process may not start another: the
        # site's downloads making the amendment package): run at once, here
        if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
            self._outcome = _call(function, args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        # daemon: should this process end without close() (killed), multiprocessing stops it at exit
        self._process = context.Process(target=_serve, args=(send, function, args), daemon=True)
        self._process.start()
        send.close()  # the child's end: the pipe reads EOF when the child ends without answering

    def result(self) -> T:
        if self._outcome is None:
            self._outcome = self._wait()
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stops the work if it is still running and waits for its process to end (a build that stopped early)."""
        if self._outcome is None and self._process is not None:
            self._process.terminate()
            self._outcome = self._wait()

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
        self._process.join()
        return answer


def _call(function: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except Exception as exc:  # raised again by result(), in the caller's process
        return False, exc


def _serve(send, function: Callable[..., Any], args: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the parent, which stops this process
    signal.signal(signal.SIGTERM, _stop)
    answer = _call(function, args)
    if not answer[0]:
        answer = (False, _sendable(answer[1]))
    if STOPPING.is_set():
        return  # nobody reads the answer any more
    _sending.set()
    send.send(answer)
    send.close()


def _stop(signum, frame) -> None:
    STOPPING.set()
    if _sending.is_set():  # the answer may be too large for a pipe nobody reads
        os._exit(1)


def _sendable(exc: Exception) -> Exception:
    """The exception itself where it pickles and unpickles, else its type and text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - whatever the reason, its text still tells what happened
        return RemoteError(f"{type(exc).__name__}: {exc}")
