"""The item filters of `accord items`, as query parameters, cleaned as the CLI cleans them."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Annotated

from fastapi import Depends, Query

from accord.model import SECTORS, STAGES
from accord.serve.errors import BadParameter
from accord.store import ItemQuery
from accord.vocab import clean_party, clean_sector, clean_stage

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


def _blank(value: str | None) -> str | None:
    """An empty form field means no filter, as a filter left out does."""
    return None if value is None or not value.strip() else value.strip()


def _sector(value: str | None) -> str | None:
    if (value := _blank(value)) is None:
        return None
    if (cleaned := clean_sector(value)) is None:
        raise BadParameter(f"{value!r} is not a sector; the sectors are {', '.join(SECTORS)}.")
    return cleaned


def _stage(value: str | None) -> str | None:
    if (value := _blank(value)) is None:
        return None
    if (cleaned := clean_stage(value)) is None:
        raise BadParameter(f"{value!r} is not a stage; the stages are {', '.join(STAGES)}.")
    return cleaned


def _party(value: str | None) -> str | None:
    if (value := _blank(value)) is None:
        return None
    if (cleaned := clean_party(value)) is None:
        raise BadParameter(f"{value!r} is not an ISO 3166 alpha-3 country code (such as KAZ or RUS).")
    return cleaned


def _date(value: str | None) -> str | None:
    if (value := _blank(value)) is not None and not _ISO_DATE.match(value):
        raise BadParameter(f"{value!r} is not an ISO date; give YYYY-MM-DD (or YYYY-MM, or YYYY).")
    return value


def item_filters(
    sector: Annotated[str | None, Query(description=f"One of: {', '.join(SECTORS)}.")] = None,
    stage: Annotated[str | None, Query(description=f"One of: {', '.join(STAGES)}.")] = None,
    party: Annotated[str | None, Query(description="An ISO3 country code, e.g. KAZ.")] = None,
    entity: Annotated[str | None, Query(description="An entity id, or a part of an entity's name.")] = None,
    since: Annotated[str | None, Query(description="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (ISO date).")] = None,
    search: Annotated[
        str | None,
        Query(description="Full text: each word begins a word of the object, evidence or entity."),
    ] = None,
) -> ItemQuery:
    """The filters, without paging: exports take every item that matches."""
    return ItemQuery(
        sector=_sector(sector),
        stage=_stage(stage),
        party=_party(party),
        entity=_blank(entity),
        since=_date(since),
        until=_date(until),
        search=_blank(search),
    )


def paged_filters(
    filters: Annotated[ItemQuery, Depends(item_filters)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Skip this many items first.")] = 0,
) -> ItemQuery:
    return replace(filters, limit=limit, offset=offset)


def event_filters(
    party: Annotated[str | None, Query(description="An ISO3 code: events it took part in.")] = None,
    since: Annotated[str | None, Query(description="Events from this date (ISO).")] = None,
    until: Annotated[str | None, Query(description="Events up to this date (inclusive).")] = None,
) -> tuple[str | None, str | None, str | None]:
    """The filters of `accord events`: party, since, until."""
    return _party(party), _date(since), _date(until)


def diff_window(
    since: Annotated[str, Query(description="The later window starts here (ISO date).")],
    until: Annotated[str | None, Query(description="The later window ends here (inclusive).")] = None,
    start: Annotated[
        str | None,
        Query(alias="from", description="The earlier window starts here (default: the first date)."),
    ] = None,
) -> tuple[str, str | None, str | None]:
    """The windows of `accord diff`: since..until against what was published before `since`."""
    cleaned = _date(since)
    if cleaned is None:
        raise BadParameter("Give `since`, the date the later window starts (YYYY-MM-DD).")
    return cleaned, _date(until), _date(start)
