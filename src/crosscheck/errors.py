"""Errors a user can cause carry a one-line message; anything else is a bug."""


class CrosscheckError(Exception):
    """Base of every error crosscheck raises on purpose."""


class InputError(CrosscheckError):
    """A bad report or source: the message names the input and the reason."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(CrosscheckError):
    """The store cannot be opened, written or migrated."""


class QueryError(CrosscheckError):
    """A search query in the advanced (FTS5) syntax that does not parse; the message says why."""
