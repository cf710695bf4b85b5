"""Tracebacks in logs carry no resident data (docs/ARCHITECTURE.md, "Logs").

A log line with `exc_info` prints the error's own text and that of every error chained to it,
and that text is not ours: Meta's error `message` can echo a recipient's number, an HTTP error
names the URL it called, pydantic's validation errors quote the input that failed (`input_value`:
a resident's message), `int('06-12345678')` quotes its argument. Every log record made with an
exception is given a copy of the exception whose text is redacted (core.privacy: phone numbers,
e-mail addresses, BSN, IBAN, addresses, dates of birth, plates) and whose validation errors name
only where and why, never the input; the chain and the stack stay, so the line still says
what failed where. Installed for the whole process (the log record factory): it covers the
handlers' Powertools loggers and the plain `logging` loggers of core and adapters alike.
"""
from __future__ import annotations

import logging
from functools import cache
from typing import Any

_INSTALLED = False
MAX_CHAIN = 10  # errors chained to one another (`raise ... from`): deeper ones are left out


def install() -> None:
    """Redact the exception of every log record made from now on in this process (once)."""
    global _INSTALLED
    if _INSTALLED:
        return
    _INSTALLED = True
    make_record = logging.getLogRecordFactory()

    def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            record.exc_info = (record.exc_info[0], redacted(error), record.exc_info[2])
        return record

    logging.setLogRecordFactory(redacting_factory)


def redacted(error: BaseException, depth: int = 0) -> BaseException:
    """A stand-in for `error` that prints as it would (type, text, stack, chained errors), its
    text and that of its chained errors redacted."""
    copy = _stand_in(type(error))(_redacted_text(error))
    copy.__traceback__ = error.__traceback__
    copy.__suppress_context__ = error.__suppress_context__
    if depth < MAX_CHAIN:
        if error.__cause__ is not None:
            copy.__cause__ = redacted(error.__cause__, depth + 1)
        if error.__context__ is not None and error.__context__ is not error.__cause__:
            copy.__context__ = redacted(error.__context__, depth + 1)
        elif error.__context__ is not None:
            copy.__context__ = copy.__cause__
    return copy


def _redacted_text(error: BaseException) -> str:
    from core.privacy import redact

    errors = getattr(error, "errors", None)
    if callable(errors) and type(error).__name__ == "ValidationError":  # pydantic: where and why, not the input
        try:
            problems = errors(include_input=False, include_url=False, include_context=False)
        except TypeError:
            problems = None
        if problems is not None:
            return "; ".join(f"{'.'.join(str(part) for part in problem['loc']) or '(value)'}: {problem['msg']}"
                             for problem in problems)
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - an error whose text cannot be made prints as its type alone
        return ""
    return redact(text)


@cache
def _stand_in(kind: type[BaseException]) -> type[Exception]:
    """An exception type printed with `kind`'s module and name (one per type)."""
    return type(kind.__name__, (_RedactedError,), {"__module__": kind.__module__, "__qualname__": kind.__qualname__})


class _RedactedError(Exception):
    """The redacted copy of an error in a log record (never raised)."""
