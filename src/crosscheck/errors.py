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


def one_line(what: str, exc: BaseException) -> str:
    """What failed, the exception's type and the first line of its message: a failure's reason."""
    detail = (str(exc).splitlines() or [""])[0].strip()[:160]
    return f"{what}: {type(exc).__name__}" + (f": {detail}" if detail else "")
