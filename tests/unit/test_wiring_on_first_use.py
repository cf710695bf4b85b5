"""AWS clients of the handlers are built on first use, once (cold start: an invocation
pays only for the clients it calls)."""
from __future__ import annotations

from handlers.wiring import OnFirstUse


class FakeClient:
    def send_message(self, **arguments: str) -> dict[str, str]:
        return {"MessageId": "m-1", **arguments}


def test_the_client_is_built_on_first_call_and_only_once() -> None:
    builds: list[FakeClient] = []

    def build() -> FakeClient:
        builds.append(FakeClient())
        return builds[-1]

    client = OnFirstUse(build)
    assert builds == []  # wiring the services built nothing
    assert client.send_message(QueueUrl="q") == {"MessageId": "m-1", "QueueUrl": "q"}
    client.send_message(QueueUrl="q")
    assert len(builds) == 1


def test_a_missing_attribute_is_the_real_clients_error() -> None:
    client = OnFirstUse(FakeClient)
    try:
        client.no_such_operation
    except AttributeError as error:
        assert "no_such_operation" in str(error)
    else:
        raise AssertionError("an unknown attribute must raise AttributeError")
