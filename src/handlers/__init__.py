"""Lambda entry points, one module per function, and what they share (the wiring of services,
the body parser, the error mapping). Importing the package holds the cyclic garbage collector back
until the first invocation has returned (handlers.cold_start): a cold start makes mostly objects
that live as long as the container. It also puts the regular expressions compiled at build time
into `re`'s cache (handlers.stored_patterns), before any module compiles its own. And no log line
of the process prints an error's text unredacted (handlers.log_redaction)."""
from handlers import log_redaction, stored_patterns
from handlers.cold_start import hold

hold()
stored_patterns.load()
log_redaction.install()
