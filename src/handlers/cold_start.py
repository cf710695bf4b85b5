"""A container's cold start: the cyclic garbage collector held back, imports in the background.

Importing a handler and serving its first invocation create a few hundred thousand objects that
live as long as the container (modules, classes, pydantic validators, the knowledge base and its
matcher) and hardly any garbage (about 700 unreachable objects after importing the chat function
and its matcher). With Python's default thresholds the collector walks the survivors again and
again while they are being made. So in a Lambda container the `handlers` package switches the
collector off when it is imported (`hold`), and every entry point is wrapped in
`after_first_call`: once the first invocation has returned (or raised), what survived it is moved
to the permanent generation (`gc.freeze`: never walked again) and the collector is switched on for
the warm invocations. The chat function's import + first call: about 40 ms less CPU time
(BENCHMARKS.md, "Cold start").

The first invocation of the chat function and the messaging workers mostly waits on the network
(DynamoDB, SSM) before it classifies the first message, and the matcher's import (numpy, about a
60 ms of CPU on the development machine) comes after those waits. `import_in_background` imports it on a
thread during that first invocation, so that the import fills the waits (wall clock; the CPU time
is the same).

A Lambda container is recognised by AWS_LAMBDA_FUNCTION_NAME, which Lambda sets in every execution
environment (a fact about the process, not configuration): the local stack, the CLI and the tests
import handlers without ever invoking some of them, and keep the collector as it is.
"""
from __future__ import annotations

import functools
import gc
import importlib
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

_held = False  # the collector is off for this container's cold start
_importing = False  # import_in_background has started its thread

Handler = TypeVar("Handler", bound=Callable[..., Any])


def hold() -> None:
    """In a Lambda container: no cyclic collection until the first invocation has returned."""
    global _held
    if os.environ.get("AWS_LAMBDA_FUNCTION_NAME") and gc.isenabled():
        _held = True
        gc.disable()


def settle() -> None:
    """After a held cold start: freeze what it made and collect as usual from now on."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def import_in_background(*modules: str) -> None:
    """During a held cold start (a Lambda container's first invocation; afterwards nothing): import
    `modules` on a daemon thread, so that their import, all CPU, runs while the invocation waits on
    the network (DynamoDB, SSM) instead of after it. The first use of a module still being imported
    waits for it (Python's import lock); a failed import is left to that first use, which imports it
    again and raises. Called at the start of the invocation, when the main thread is in no import."""
    global _importing
    if _held and not _importing:
        _importing = True
        threading.Thread(target=_import_quietly, args=(modules,), name="balie-import", daemon=True).start()


def _import_quietly(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 (raised again by the first use, which imports it itself)
            return


def after_first_call(handler: Handler) -> Handler:
    """`handler`, settling the collector when its first invocation returns (or raises)."""

    @functools.wraps(handler)
    def entry(event: Any, context: Any) -> Any:
        try:
            return handler(event, context)
        finally:
            settle()

    return entry  # type: ignore[return-value]
