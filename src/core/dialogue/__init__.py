"""Pieces of the dialogue engine that need no state: fixed texts, language
detection, follow-up cues and slot validation. `core.engine` composes them."""
