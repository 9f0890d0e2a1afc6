"""Why the ledger refuses a posting; each error carries a code the interfaces translate."""


class LedgerError(Exception):
    code = "ledger_error"


class UnbalancedPostingError(LedgerError):
    code = "unbalanced"


class EmptyPostingError(LedgerError):
    code = "empty"


class SourceConflictError(LedgerError):
    """The source was posted before with different lines: the same key must mean the same money."""

    code = "source_conflict"


class AlreadyReversedError(LedgerError):
    code = "already_reversed"


class InvalidMonthError(LedgerError):
    code = "invalid_month"
