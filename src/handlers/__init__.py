"""Lambda entry points, one module per function, and what they share (the wiring of services,
the body parser, the error mapping). Importing the package holds the cyclic garbage collector back
until the first invocation has returned (handlers.cold_start): a cold start makes mostly objects
that live as long as the container."""
from handlers.cold_start import hold

hold()
