"""One small exception hierarchy. Every message is a sentence a user can act on."""


class AccordError(Exception):
    """Base class: anything accord reports to a user without a traceback."""


class SourceError(AccordError):
    """A source (file, URL, feed, JSON line) could not be read into a document."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(AccordError):
    """The configuration or a vocabulary data file is invalid."""


class StoreError(AccordError):
    """The database could not be opened or written."""


class NotFoundError(AccordError):
    """A requested record (item, document) does not exist."""


class ExtractError(AccordError):
    """A document could not be carried through the pipeline (extraction, resolution)."""


class OutputError(AccordError):
    """An output (an export, a predictions file) could not be written where it was asked for."""
