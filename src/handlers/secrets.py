"""SSM SecureStrings of the channels (app secrets, verify tokens, access tokens), read on
first use with the container's SSM client and kept for SECRET_MAX_AGE_SECONDS.

One GetParameter (decrypted) and a cache of values with their age: what Powertools' parameters
utility would do here, without importing it. That utility imports boto3 (its resources and the
S3 transfer manager), about 20 ms of CPU of every webhook and worker cold start
(BENCHMARKS.md, "Cold start")."""
from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from typing import Any

SECRET_MAX_AGE_SECONDS = 300


class SecretUnavailable(Exception):
    """SSM did not give the parameter (missing, not allowed, or SSM not reachable)."""


class _SecureStrings:
    def __init__(self, ssm: Any) -> None:
        self._ssm = ssm
        self._values: dict[str, tuple[float, str]] = {}  # name -> (time.monotonic() when read, value)

    def get(self, name: str, *, force_fetch: bool) -> str:
        cached = self._values.get(name)
        if cached is not None and not force_fetch and time.monotonic() - cached[0] < SECRET_MAX_AGE_SECONDS:
            return cached[1]
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            value = str(self._ssm.get_parameter(Name=name, WithDecryption=True)["Parameter"]["Value"])
        except (BotoCoreError, ClientError) as error:
            raise SecretUnavailable(f"SSM parameter {name} cannot be read.") from error
        self._values[name] = (time.monotonic(), value)
        return value


@functools.cache
def _secure_strings() -> _SecureStrings:
    """On the container's SSM client (a client of its own would load the endpoint data and
    service models a second time)."""
    from handlers.wiring import aws_client

    return _SecureStrings(aws_client("ssm"))


def secure_string(parameter_name: str, *, force_fetch: bool = False) -> str:
    """An SSM SecureString, cached for SECRET_MAX_AGE_SECONDS unless `force_fetch`;
    SecretUnavailable when SSM does not give it."""
    return _secure_strings().get(parameter_name, force_fetch=force_fetch)


def secret(parameter_env: str) -> Callable[[], str]:
    """A getter of the SSM SecureString named by the environment variable."""

    def get() -> str:
        return secure_string(os.environ[parameter_env])

    return get
