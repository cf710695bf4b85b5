"""Fixtures of the scripted conversation suite: the compiled knowledge base and one local
stack per module (the conversations themselves: transports.py)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from scripted import CLOCKS

from adapters.kb_files import FileKnowledge
from balie_local.aws import SHADOWING_VARIABLES
from balie_local.stack import LocalStack


@pytest.fixture(scope="session")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


@pytest.fixture(scope="module")
def stack() -> Iterator[LocalStack]:
    with pytest.MonkeyPatch.context() as patch:
        for key in (*SHADOWING_VARIABLES, "AWS_ENDPOINT_URL"):
            patch.delenv(key, raising=False)
        patch.setenv("BALIE_NOW", CLOCKS["tuesday_morning"])
        # Every request comes from 127.0.0.1: the limit of new conversations per client address
        # would stop the suite after 30 (tests/integration/test_limits.py covers that limit).
        running = LocalStack(port=0, run_pollers=False, parameters={"NewConversationsPerClient": "0"})
        running.start()
        try:
            yield running
        finally:
            running.stop()
