"""Intent matching: which knowledge-base intent a resident's question is about, or none.

    from core.matcher import train, Matcher, Classification, Alternative
    matcher = train(examples, oos_examples=..., validation=None)
    matcher.classify("pasport verlengen")  # Classification(intent="paspoort", score=0.97, ...)
"""
import os

# The matcher's matrix products are small; OpenBLAS threads only spin against each other on
# a busy machine (a 15x slower build was measured with 8 processes on 2 cores) and Lambda
# gives one or two vCPUs. This only takes effect when numpy is not imported yet, and never
# overrides an explicit setting.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .matcher import (  # noqa: E402
    Alternative,
    Classification,
    Decision,
    Matcher,
    Part,
    ReadWords,
    TrainingConfig,
    decide,
    train,
    train_knowledge_base,
)

__all__ = ["Alternative", "Classification", "Decision", "Matcher", "Part", "ReadWords", "TrainingConfig", "decide",
           "train", "train_knowledge_base"]
