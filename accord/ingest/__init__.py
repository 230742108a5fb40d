"""ingest: sources (files, folders, URLs, feeds, standard input) to Document records, as a stream.

`read_sources` yields a Document or a Failure per source (per line of JSON lines, per feed entry), in order;
str() of a Failure is one sentence naming the source and what was wrong with it.
"""

from accord.ingest.options import IngestOptions
from accord.ingest.results import Failure, Result
from accord.ingest.sources import read_sources

__all__ = ["Failure", "IngestOptions", "Result", "read_sources"]
