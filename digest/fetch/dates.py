"""A feed item's publication date, read from the string the feed wrote.

feedparser reads dates in many formats, but not always right: "2016/6/29 15:07:41"
comes back as 2016-11-01, and "9999-12-31T23:59:59-99:99" as a year 10000 that no
datetime can hold. So the raw string is read here first, strictly, in the formats
that feedparser gets wrong or does not know: RFC 3339 / W3C-DTF (Atom, JSON Feed),
"YYYY/MM/DD hh:mm", "DD.MM.YYYY hh:mm", "June 29, 2016", "29 June 2016", and
"MM/DD/YYYY" or "DD/MM/YYYY" when one of the two can only be the day. A string in
another format (RFC 822 as RSS asks, with its zone names; Korean, Greek, Hungarian,
asctime) keeps feedparser's reading only if the string shows that reading's year,
and its day among its first three numbers. Anything else leaves the item undated
with a warning: a wrong date is worse than none (it splits a story and files the
article in the wrong month).
"""
from __future__ import annotations

import email.utils
import re
from datetime import datetime, timedelta, timezone

EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
"""No news item on the web is older; earlier dates are placeholders such as 1970-01-01 or 0001-01-01."""
FUTURE_SLACK = timedelta(days=2)
"""A date this far after the fetch is a mistake, not a time zone."""

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?$", re.IGNORECASE)
_SLASHED = re.compile(
    r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
_TIME = r"(?:[T ,]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$"
_DOTTED = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _TIME, re.IGNORECASE)
_SLASHED_DAY_MONTH = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})" + _TIME, re.IGNORECASE)
_MONTHS = {name: number for number, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sep sept", "october oct", "november nov", "december dec"), 1) for name in names.split()}
_MONTH = r"(?P<mname>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_NAMED = re.compile(r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
                    + r")" + _TIME, re.IGNORECASE)
_NAMED_DAY_FIRST = re.compile(r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?P<d>\d{1,2})\.?\s+" + _MONTH + r"\s+(?P<y>\d{4})"
                              + _TIME, re.IGNORECASE)
_RFC822_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


class BadDate(ValueError):
    """The date string says a date that cannot be used; the message says why."""


def read_feed_date(raw: str | None, feedparser_reading=None, now: datetime | None = None) -> datetime | None:
    """The instant a feed's date string names, with the offset it was written in (UTC when none).

    raw: the string from the feed; feedparser_reading: feedparser's time.struct_time for it (UTC).
    Returns None when there is no date. Raises BadDate when there is one that cannot be
    trusted or represented (out of the calendar's range, an impossible offset, before 1990,
    more than two days after `now`, or a format whose feedparser reading the string contradicts)."""
    if raw is None or not str(raw).strip():
        return None
    raw = str(raw).strip()
    try:
        value = _strict(raw)
        if value is None:
            value = _checked_feedparser_reading(raw, feedparser_reading)
        return _plausible(value, raw, now or datetime.now(timezone.utc))
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, BadDate):
            raise
        raise BadDate(f"date {raw[:60]!r} cannot be represented ({exc})") from exc


def _strict(raw: str) -> datetime | None:
    for pattern in (_ISO, _SLASHED, _DOTTED, _NAMED, _NAMED_DAY_FIRST):
        match = pattern.match(raw)
        if match:
            return _from_parts(match, _month(match))
    match = _SLASHED_DAY_MONTH.match(raw)
    if match:
        first, second = int(match["a"]), int(match["b"])
        if (first > 12) != (second > 12):  # only then is it clear which is the day
            day, month = (first, second) if first > 12 else (second, first)
            return _from_parts(match, month, day)
    return None


def _month(match: re.Match) -> int:
    names = match.re.groupindex
    return _MONTHS[match["mname"].lower()] if "mname" in names else int(match["m"])


def _from_parts(match: re.Match, month: int, day: int | None = None) -> datetime:
    tz = _offset(match["tz"], match.string)
    return datetime(int(match["y"]), month, day or int(match["d"]), int(match["H"] or 0), int(match["M"] or 0),
                    int(match["S"] or 0), tzinfo=tz)


def _offset(text: str | None, raw: str) -> timezone:
    if not text or text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise BadDate(f"date {raw[:60]!r} has an impossible time zone offset")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _checked_feedparser_reading(raw: str, reading) -> datetime:
    """feedparser's reading when the string shows its year, and its day (or the day either side, which a
    time zone can move it to) among the string's first three numbers; in the string's own offset when
    it gives a numeric one (RFC 822), so the day is the publisher's."""
    if not reading:
        own = _rfc822_with_offset(raw)
        if own is None:
            raise BadDate(f"date {raw[:60]!r} is in no format this reader knows")
        return own
    value = datetime(*reading[:6], tzinfo=timezone.utc)
    numbers = [int(n) for n in re.findall(r"\d+", raw)]
    days = {(value + timedelta(days=shift)).day for shift in (-1, 0, 1)}
    if value.year not in numbers and value.year % 100 not in numbers[:3] or not days & set(numbers[:3]):
        raise BadDate(f"date {raw[:60]!r} was read as {value:%Y-%m-%d}, which the string does not say")
    return _in_own_offset(raw, value)


def _in_own_offset(raw: str, value: datetime) -> datetime:
    own = _rfc822_with_offset(raw)
    return own if own == value else value


def _rfc822_with_offset(raw: str) -> datetime | None:
    """An RFC 822 date with a numeric offset (or GMT/UT/Z), as email.utils reads it; else None."""
    if not _RFC822_HINT.search(raw):
        return None
    parts = email.utils.parsedate_tz(raw)
    if parts is None or parts[9] is None or abs(parts[9]) >= 24 * 3600:
        return None
    try:
        return datetime(*parts[:6], tzinfo=timezone(timedelta(seconds=parts[9])))
    except ValueError:
        return None


def _plausible(value: datetime, raw: str, now: datetime) -> datetime:
    instant = value.astimezone(timezone.utc)  # OverflowError at the calendar's ends
    if instant < EARLIEST:
        raise BadDate(f"date {raw[:60]!r} is before 1990, a placeholder rather than a publication date")
    if instant > now + FUTURE_SLACK:
        raise BadDate(f"date {raw[:60]!r} is in the future")
    return value
