"""Intent matching: which knowledge-base intent a resident's question is about, or none.

    from core.matcher import train, Matcher, Classification, Alternative
    matcher = train(examples, oos_examples=..., validation=None)
    matcher.classify("pasport verlengen")  # Classification(intent="paspoort", score=0.97, ...)
"""
from .matcher import Alternative, Classification, Matcher, TrainingConfig, train

__all__ = ["Alternative", "Classification", "Matcher", "TrainingConfig", "train"]
