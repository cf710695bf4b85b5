"""How a matcher artefact stores its Dutch encoder: by the digest of the packaged file, not a copy."""
from __future__ import annotations

import hashlib
import json
import shutil
import struct
from pathlib import Path

import pytest

from adapters.kb_files import MATCHER_SOURCES, matcher_code_version, matcher_digest
from core.matcher import Matcher, train_knowledge_base
from core.matcher.subword import DUTCH_ENCODER, EncoderMismatch, dutch_encoder

EXAMPLES = [
    *[(text, "paspoort") for text in ["paspoort aanvragen", "mijn paspoort is verlopen", "nieuw paspoort",
                                      "paspoort verlengen", "wat kost een paspoort"]],
    *[(text, "afvalkalender") for text in ["wanneer wordt het afval opgehaald", "wanneer komt de vuilniswagen",
                                           "ophaaldag papier", "afvalkalender", "welke dag gaat de groene container"]],
]
QUESTIONS = ["ik moet een nieuw paspoort", "wanneer komt de kliko", "vertel een mop"]


@pytest.fixture(scope="module")
def artefact() -> bytes:
    return train_knowledge_base(EXAMPLES, ["vertel een mop", "hoe laat is het"]).to_bytes()


def split(data: bytes) -> tuple[dict, bytes]:
    """(header, body) of an artefact; the body's offsets are relative to its start."""
    (length,) = struct.unpack_from("<I", data, 8)
    start = 12 + length
    return json.loads(data[12:start]), data[start + (-start % 8) :]


def joined(header: dict, body: bytes) -> bytes:
    encoded = json.dumps(header).encode("utf-8")
    prefix = Matcher._MAGIC + struct.pack("<I", len(encoded)) + encoded
    return prefix + b"\0" * (-len(prefix) % 8) + body


def test_the_artefact_names_the_packaged_encoder_by_digest_and_carries_no_copy(artefact: bytes) -> None:
    encoder = dutch_encoder()
    header, _ = split(artefact)
    assert header["encoder"]["sha256"] == encoder.digest == hashlib.sha256(DUTCH_ENCODER.read_bytes()).hexdigest()
    assert "encoder" not in header["arrays"]
    assert b"BALIESW1" not in artefact
    assert len(artefact) < len(encoder.to_bytes())  # a small knowledge base's artefact is far below the encoder


def test_a_loaded_artefact_classifies_as_the_trained_matcher(artefact: bytes) -> None:
    trained = train_knowledge_base(EXAMPLES, ["vertel een mop", "hoe laat is het"])
    loaded = Matcher.from_bytes(artefact)
    assert loaded._scorer.encoder is dutch_encoder()  # one table per container, however many matchers
    for question in QUESTIONS:
        assert loaded.classify(question) == Matcher.from_bytes(trained.to_bytes()).classify(question)


def test_an_artefact_of_another_encoder_is_refused_with_both_digests(artefact: bytes) -> None:
    header, body = split(artefact)
    header["encoder"]["sha256"] = "0" * 64
    with pytest.raises(EncoderMismatch, match=f"{'0' * 64}.*nl_subword.bin is sha256 {dutch_encoder().digest}"):
        Matcher.from_bytes(joined(header, body))


def test_an_artefact_that_carries_its_own_copy_still_loads(artefact: bytes) -> None:
    """Artefacts built before the encoder was named by digest (still live on S3 for
    tenants not published since) carry the encoder's bytes."""
    header, body = split(artefact)
    copy = dutch_encoder().to_bytes()
    del header["encoder"]["sha256"]
    header["arrays"]["encoder"] = {"offset": len(body), "length": len(copy), "dtype": "bytes"}
    loaded = Matcher.from_bytes(joined(header, body + copy))
    assert loaded._scorer.encoder is not dutch_encoder()
    for question in QUESTIONS:
        assert loaded.classify(question) == Matcher.from_bytes(artefact).classify(question)


def test_the_code_version_covers_the_encoder_file(tmp_path: Path) -> None:
    """A rebuilt encoder gives every artefact a new key, so no artefact of the old one is reused."""
    sources = tmp_path / "matcher"
    shutil.copytree(MATCHER_SOURCES, sources, ignore=shutil.ignore_patterns("__pycache__"))
    assert matcher_digest(sources) == matcher_code_version()
    encoder = sources / "data" / DUTCH_ENCODER.name
    data = bytearray(encoder.read_bytes())
    data[-1] ^= 1
    encoder.write_bytes(bytes(data))
    assert matcher_digest(sources) != matcher_code_version()
