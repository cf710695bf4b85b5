"""Fixtures of the scripted conversation suite: the compiled knowledge base and a local stack,
renewed every CONVERSATIONS_PER_STACK conversations (the conversations themselves: transports.py)."""
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


# moto's DynamoDB deep-copies every table on each TransactWriteItems (to roll it back), so one
# stack that kept all 3,000 HTTP conversations of this suite made each turn slower than the last:
# after 1,400 tests the suite ran 2.4 times slower than in a fresh process, and `make test` no
# longer finished within CI's 90 minutes. A fresh stack (about 2 seconds) after this many
# conversations keeps a turn's cost flat.
CONVERSATIONS_PER_STACK = 150


class RenewedStack:
    """The module's local stack, started on first use and replaced by a fresh one after
    CONVERSATIONS_PER_STACK conversations (each conversation has its own sender, so none
    needs what an earlier one stored)."""

    def __init__(self) -> None:
        self._running: LocalStack | None = None
        self._served = 0

    def next(self) -> LocalStack:
        if self._running is not None and self._served >= CONVERSATIONS_PER_STACK:
            self.close()
        if self._running is None:
            # Every request comes from 127.0.0.1: the limit of new conversations per client address
            # would stop the suite after 30 (tests/integration/test_limits.py covers that limit).
            self._running = LocalStack(port=0, run_pollers=False, parameters={"NewConversationsPerClient": "0"})
            self._running.start()
            self._served = 0
        self._served += 1
        return self._running

    def close(self) -> None:
        if self._running is not None:
            self._running.stop()
            self._running = None


@pytest.fixture(scope="module")
def stacks() -> Iterator[RenewedStack]:
    with pytest.MonkeyPatch.context() as patch:
        for key in (*SHADOWING_VARIABLES, "AWS_ENDPOINT_URL"):
            patch.delenv(key, raising=False)
        patch.setenv("BALIE_NOW", CLOCKS["tuesday_morning"])
        renewed = RenewedStack()
        try:
            yield renewed
        finally:
            renewed.close()


@pytest.fixture
def stack(stacks: RenewedStack) -> LocalStack:
    """A running local stack for one conversation (started once per CONVERSATIONS_PER_STACK)."""
    return stacks.next()
