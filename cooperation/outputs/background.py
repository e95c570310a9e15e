"""A function run in a process of its own while this one goes on: the site's downloads (Word, Excel, the PDF
conversions) take CPU that MkDocs' page building, single-threaded in this process, leaves unused.

The process is forked, so it starts with the model in memory (nothing is pickled on the way in, and what a
test patched stays patched); only the result comes back, through a pipe. Where fork is not available
(Windows) the function runs at once, in this process.
"""
from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from cooperation.files import OutputError

T = TypeVar("T")


class Background(Generic[T]):
    """``function(*args)`` started now; ``result()`` waits for its value or raises its exception."""

    def __init__(self, function: Callable[..., T], *args: Any):
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            self._settle(_call, function, args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        # daemon: ended with this process, should it stop first (a build interrupted)
        self._process = context.Process(target=_serve, args=(send, function, args), daemon=True)
        self._process.start()
        send.close()  # the child's end: the pipe reads EOF when the child ends without answering

    def _settle(self, outcome: Callable[..., tuple[bool, Any]], *args: Any) -> None:
        ok, value = outcome(*args)
        self._done = True
        if ok:
            self._value = value
        else:
            self._error = value

    def result(self) -> T:
        if not self._done:
            self._settle(self._wait)
        if self._error is not None:
            raise self._error
        return self._value

    def _wait(self) -> tuple[bool, Any]:
        try:
            answer = self._receive.recv()  # before join: a large answer would otherwise fill the pipe and block both
        except EOFError:
            self._process.join()
            answer = (False, OutputError("tiedostojen tekeminen keskeytyi: sen tehnyt prosessi päättyi "
                                         f"(koodi {self._process.exitcode})"))
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
    answer = _call(function, args)
    try:
        send.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError):  # an exception that does not pickle: its text
        send.send((False, OutputError(str(answer[1]))))
    send.close()
