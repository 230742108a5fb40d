"""What a caller may tune about reading sources, and the one way sizes are worded in messages."""

from __future__ import annotations

from dataclasses import dataclass

from accord import __version__

# Sites that block anonymous clients still let a bot through when it says who it is and where to read more.
USER_AGENT = (
    f"accord/{__version__} "
    "(+https://github.com/accord-register/accord; register of intergovernmental undertakings)"
)


@dataclass(frozen=True)
class IngestOptions:
    """Limits and manners for reading sources; the defaults suit a person ingesting a few pages by hand."""

    max_bytes: int = 5_000_000  # larger files and responses are refused before (or while) reading them
    timeout: float = 15.0  # seconds per request, the whole body included
    per_host_delay: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    language: str | None = None  # forced on every document when set


def describe_size(size: int) -> str:
    """Word a byte count the way a person reads it, so limit messages are comparable at a glance."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def over_limit(what: str, size: int | None, limit: int) -> str:
    """The reason given for anything refused for its size, naming the option that lifts the limit."""
    measured = f"{what} is over" if size is None else f"{what} is {describe_size(size)}, over"
    return f"{measured} the {describe_size(limit)} limit (set --max-bytes)"
