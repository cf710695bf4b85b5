"""The knowledge base: shared intents, tenant overlays, and the compiled form."""
