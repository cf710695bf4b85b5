"""SSM SecureStrings of the channels (app secrets, verify tokens, access tokens), read on
first use through Powertools' parameter cache (5 minutes) on the container's SSM client."""
from __future__ import annotations

import functools
import os
from collections.abc import Callable

SECRET_MAX_AGE_SECONDS = 300


@functools.cache
def _ssm_parameters():
    """Powertools' SSM provider (its cache of values) on the container's SSM client.
    Its default provider would open a boto3 session of its own, which loads the
    endpoint data and service models a second time (tens of ms of a cold start)."""
    from aws_lambda_powertools.utilities.parameters import SSMProvider

    from handlers.wiring import aws_client

    return SSMProvider(boto3_client=aws_client("ssm"))


def secure_string(parameter_name: str, *, force_fetch: bool = False) -> str:
    """An SSM SecureString, cached for SECRET_MAX_AGE_SECONDS unless `force_fetch`."""
    return str(_ssm_parameters().get(parameter_name, decrypt=True, max_age=SECRET_MAX_AGE_SECONDS,
                                     force_fetch=force_fetch))


def secret(parameter_env: str) -> Callable[[], str]:
    """A getter of the SSM SecureString named by the environment variable."""

    def get() -> str:
        return secure_string(os.environ[parameter_env])

    return get
