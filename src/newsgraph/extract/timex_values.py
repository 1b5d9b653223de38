"""TIMEX3 values for recognized time expressions, anchored on the publication date.

Value conventions (ISO 8601 / TIMEX3): days 2016-12-31, weeks 2016-W52 (weekends 2016-W52-WE),
months 2016-07, seasons 2016-SU, quarters 2016-Q1, halves 2016-H1, decades 199, times
2016-12-19T22:30 or 2016-12-19TEV (part of day), durations P3M / PT48H / PXD (X: unknown
amount), sets P1D / XXXX-WXX-1 (every Monday). Ranges ("between 2011 and 2016", "the past
week", "since May") are ISO 8601 intervals "start/end" with type DURATION ("the past year" is the previous year); an open end without a
publication date is "..". Without an anchor, relative values keep X's (XXXX-07, XXXX-WXX-1).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from newsgraph.extract.timex_context import Context, Value, day_number, month_number, offset
from newsgraph.extract.timex_quarters import QUARTER_HANDLERS, compared_quarter
from newsgraph.extract.timex_rules import Candidate, scan, timex_data

# A month (mid-month) or month-day without a year that falls at most this many days after the publication date is
# read as the coming one, whatever the verb's tense ("payable Dec. 7", "extended to Nov. 20"); further ahead it is the
# past one. TimeBank/AQUAINT train part (training/heldout.py): 58 of 64 such future dates are <= 120 days ahead, and
# only 4 of 105 past ones are more than 245 days back.
NEAR_FUTURE_DAYS = 120
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Parts of day a bare weekday takes as the day alone ("Friday night": 1998-10-23): tbaq train part
# (training/heldout.py) gives 12 of 24 weekday night/morning expressions the day, 9 their part, 3 another part;
# "evening" keeps its part (2 of 2).
DAY_ONLY_PARTS = {"morning", "night"}


def normalize(candidate: Candidate, context: Context) -> Value | None:
    """The (type, value, mod) of a candidate, or None when its rule says it is not a time expression."""
    handler = HANDLERS.get(candidate.kind)
    return handler(candidate.groups, context) if handler else None


def number(text: str) -> int | None:
    """An integer from digits or number words; None for vague amounts (several, a few)."""
    text = " ".join(text.lower().replace(",", "").split())
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    numbers = timex_data()["numbers"]
    if text in numbers:
        return numbers[text]
    tens, _, unit = text.replace(" ", "-").partition("-")  # "twenty-four", "twenty four"
    if numbers.get(tens, 0) >= 20 and 0 < numbers.get(unit, 0) < 10:
        return numbers[tens] + numbers[unit]
    return None


def year_number(text: str) -> int:
    """A year from digits or words ("nineteen ninety-one": 1991)."""
    if text.isdigit():
        return int(text)
    century, _, rest = text.lower().replace(" ", "-").partition("-")
    return 100 * (number(century) or 0) + (number(rest.strip("-")) or 0)


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, 28))


def _pick_year(month: int, day: int | None, context: Context) -> int | None:
    """The year in which month (and day) falls on the context's side of the anchor."""
    anchor = context.anchor
    if anchor is None:
        return None
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    last = [date(y, month, day or 28) for y in years]
    if context.direction == "future":
        return min(d for d in last if d >= anchor).year
    ahead = min(d for d in (date(y, month, day or 15) for y in years) if d > anchor)
    if context.direction != "before" and (ahead - anchor).days <= NEAR_FUTURE_DAYS:
        return ahead.year
    return max(d for d in (date(y, month, day or 1) for y in years) if d <= anchor).year


def _date_value(groups: dict[str, str], context: Context) -> str | None:
    """A calendar date from groups m (month), d (day), y (year); the year resolved when missing."""
    month = int(groups["m"]) if groups["m"].isdigit() else month_number(groups["m"])
    day = day_number(groups["d"]) if "d" in groups else None
    year = year_number(groups["y"]) if "y" in groups else _pick_year(month, day, context)
    head = f"{year:04d}" if year else "XXXX"
    return f"{head}-{month:02d}-{day:02d}" if day else f"{head}-{month:02d}"


def _date(groups: dict[str, str], context: Context) -> Value:
    return "DATE", _date_value(groups, context), None


def _year(groups: dict[str, str], context: Context) -> Value:
    return "DATE", f"{year_number(groups['y']):04d}", None


def _decade(groups: dict[str, str], context: Context) -> Value:
    return "DATE", groups["c"] + groups["d"], None


def _century(groups: dict[str, str], context: Context) -> Value:
    """"the 20th century": TIMEX3 writes a century as its first two digits, "19"."""
    return "DATE", f"{int(groups['n']) - 1:02d}", None


def _endpoint(text: str, context: Context) -> str | None:
    """The value of one end of a range, read with the same rules."""
    found = scan(text, entity=True)
    if not found:
        return None
    value = normalize(found[0], context)
    return value[1] if value else None


def _range(groups: dict[str, str], context: Context) -> Value:
    """A span of years written "1998-99" or "2011-2016"."""
    first, last = groups["a"], groups["b"]
    if len(last) == 2:
        last = first[:2] + last
    start, end = _endpoint(first, context), _endpoint(last, context)
    return "DURATION", f"{start}/{end}" if start and end else None, None


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _unit_value(unit: str, offset: int, anchor: date | None) -> str:
    """The calendar unit (week, month, year, ...) `offset` units from the anchor's."""
    unit = unit.lower()
    if unit == "weekend":
        return _weekend(anchor, offset)
    if anchor is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
    if unit == "week":
        return _week(anchor + timedelta(weeks=offset))
    if unit == "month":
        return _month_of(anchor, offset)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(anchor.year // 10 + offset)
    if unit == "century":
        return str(anchor.year // 100 + offset)
    return f"{anchor.year + offset:04d}"


def _month_of(anchor: date, offset: int) -> str:
    year, month = divmod(_month_index(anchor) + offset, 12)
    return _ym(year, month + 1)


def _weekend(anchor: date | None, offset: int) -> str:
    """The weekend of the anchor's week moved by offset weeks; offset 0 is the last one begun."""
    if anchor is None:
        return "XXXX-WXX-WE"
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if offset > 0:
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    elif offset < 0 and anchor.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    return _week(saturday) + "-WE"


def _weekday_date(index: int, how: str, anchor: date) -> date:
    """The weekday `index` (0 = Monday) seen from the anchor: past, future, last, next or this week."""
    back = (anchor.weekday() - index) % 7
    ahead = (index - anchor.weekday()) % 7
    if how == "last":
        return anchor - timedelta(days=anchor.weekday() + 7 - index)
    if how == "next":
        return anchor + timedelta(days=ahead or 7)
    if how == "this":
        return anchor + timedelta(days=index - anchor.weekday())
    return anchor + timedelta(days=ahead) if how == "future" else anchor - timedelta(days=back)


def _weekday_value(name: str, part: str | None, how: str, anchor: date | None) -> Value:
    index = WEEKDAYS.index(name.lower())
    day = _weekday_date(index, how, anchor).isoformat() if anchor else f"XXXX-WXX-{index + 1}"
    if part:
        return "TIME", f"{day}T{timex_data()['parts'][part.lower()]}", None
    return "DATE", day, None


def _weekday(groups: dict[str, str], context: Context) -> Value:
    """A bare weekday: past, future after a future cue, the nearer one when the verb carries no tense; with a part
    of day, that part of the day, or the day alone for the parts of DAY_ONLY_PARTS."""
    how = context.direction
    if how == "nearest" and context.anchor is not None:
        index = WEEKDAYS.index(groups["n"].lower())
        how = "future" if (index - context.anchor.weekday()) % 7 < (context.anchor.weekday() - index) % 7 else "past"
    how = "future" if how == "future" else "past"
    part = groups.get("p")
    return _weekday_value(groups["n"], None if (part or "").lower() in DAY_ONLY_PARTS else part, how, context.anchor)


def _season_year(start_month: int, how: str, anchor: date) -> int:
    """The year of the season (TIMEX3: winter 2016 begins in December 2016) seen from the anchor."""
    now = _month_index(anchor)
    years = range(anchor.year - 2, anchor.year + 2)
    if how == "last":
        return max(y for y in years if y * 12 + start_month + 2 <= now)
    if how == "next":
        return min(y for y in years if y * 12 + start_month - 1 > now)
    if how == "this":  # the season of the anchor's year, over or not ("this summer" in November); Jan-Feb: last winter
        return anchor.year - (start_month == 12 and anchor.month <= 2)
    if how == "future":
        return min(y for y in years if y * 12 + start_month + 2 > now)
    return max(y for y in years if y * 12 + start_month - 1 <= now)


def _season_value(name: str, how: str, anchor: date | None, year: str | None = None) -> Value:
    code, start_month = timex_data()["seasons"][name.lower()]
    if year is None:
        year = f"{_season_year(start_month, how, anchor):04d}" if anchor else "XXXX"
    return "DATE", f"{year}-{code}", None


def _season(groups: dict[str, str], context: Context) -> Value:
    how = "future" if context.direction == "future" else "past"
    year = f"{year_number(groups['y']):04d}" if "y" in groups else None
    return _season_value(groups["s"], how, context.anchor, year)


def _rel_named(groups: dict[str, str], context: Context) -> Value:
    word, name = groups["r"].lower(), groups["n"]
    how = {"last": "last", "previous": "last", "past": "past", "next": "next", "following": "next",
           "coming": "future"}.get(word, "this")
    first = name.split()[0]
    reference = _as_day(context.reference)
    if first.lower() in WEEKDAYS and word in ("previous", "following") and reference:
        # "down 4.5% from the previous Friday": the one before the day the report is about, not before publication
        side = "past" if word == "previous" else "future"
        return _weekday_value(first, groups.get("p"), side, reference + timedelta(days=-1 if side == "past" else 1))
    if first.lower() in WEEKDAYS:
        return _weekday_value(first, groups.get("p"), how, context.anchor)
    if first.lower() in timex_data()["seasons"]:
        return _season_value(first, how, context.anchor)
    month = month_number(first)
    anchor = context.anchor
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}", None
    year = anchor.year
    if how in ("last", "past") and month >= anchor.month:
        year -= 1
    elif how in ("next", "future") and month <= anchor.month:
        year += 1
    return "DATE", _ym(year, month), None


def _month_year_rel(groups: dict[str, str], context: Context) -> Value:
    """"July last year", "January this year": the month of the year named relative to the anchor."""
    month = month_number(groups["m"])
    if context.anchor is None:
        return "DATE", f"XXXX-{month:02d}", None
    return "DATE", _ym(context.anchor.year + offset(groups["r"]), month), None


def _rel_unit(groups: dict[str, str], context: Context) -> Value:
    unit, word = groups["u"].lower(), groups["r"].lower()
    if unit == "century" and word == "this" or unit in ("century", "decade") and word == "past":
        # "the worst ... this century": the span so far, as both cases of the timex train file (training/heldout.py)
        # have it; "the past century/decade" is the hundred/ten years up to now (the train file's "past decade": P10Y)
        return "DURATION", _duration_value(1, unit), None
    if unit == "quarter" and offset(word) == 0 and context.direction == "past" and context.quarter:
        return "DATE", context.quarter, None  # "This quarter's loss" after results for the third quarter: that one
    if unit == "year" and offset(word) == -1 and context.latest and context.compared and context.quarter:
        # "Sales in the latest quarter rose from last year's $1.5 billion": the same quarter a year back (tbaq train
        # part, training/heldout.py: 3 of 3 such comparisons; "Last year, it had" stays the year)
        return "DATE", f"{int(context.quarter[:4]) - 1:04d}{context.quarter[4:]}", None
    return "DATE", _unit_value(groups["u"], offset(groups["r"]), context.anchor), None


def _weekend_kind(groups: dict[str, str], context: Context) -> Value:
    word = groups["t"].split()[0].lower()
    offset = offset(word) if word in ("last", "next") else (1 if context.direction == "future" else 0)
    return "DATE", _weekend(context.anchor, offset), None


def _year_end(groups: dict[str, str], context: Context) -> Value:
    """"by year-end": the last day of the anchor's year; "since year-end": of the year before."""
    anchor = context.anchor
    year = f"{anchor.year - ('s' in groups):04d}" if anchor else "XXXX"
    return "DATE", f"{year}-12-31", None


def _that_year(groups: dict[str, str], context: Context) -> Value | None:
    """"that year": the year of the last date named; not a time expression when none was."""
    reference = context.reference or ""
    return ("DATE", reference[:4], None) if reference[:4].isdigit() else None


def _holiday(groups: dict[str, str], context: Context) -> Value:
    month_day = timex_data()["holidays"].get(groups["h"])
    if month_day is None:
        return "DATE", None, None
    if " " in month_day:  # "11 4th Thursday": a weekday of the month
        return "DATE", _movable_holiday(month_day, context), None
    month, day = (int(p) for p in month_day.split("-"))
    year = _pick_year(month, day, context)
    return "DATE", f"{year:04d}-{month_day}" if year else f"XXXX-{month_day}", None


def _movable_holiday(rule: str, context: Context) -> str:
    """The date of a holiday given as "month nth weekday" ("11 4th Thursday": Thanksgiving) in the context's year."""
    month_text, nth, weekday = rule.split()
    month = int(month_text)
    year = _pick_year(month, 15, context)
    if year is None:
        return f"XXXX-{month:02d}"
    first = date(year, month, 1)
    offset = (WEEKDAYS.index(weekday.lower()) - first.weekday()) % 7 + 7 * (int(nth[0]) - 1)
    return (first + timedelta(days=offset)).isoformat()


def _mod(text: str) -> str | None:
    """The TIMEX3 mod of a leading modifier (more than, about, early, ...)."""
    lowered = text.lower()
    mods = timex_data()["mods"]
    return next((mods[k] for k in sorted(mods, key=len, reverse=True)
                 if lowered == k or lowered.startswith(k + " ") or lowered.startswith(k) and k.endswith("-")), None)


def _edge(groups: dict[str, str], context: Context) -> Value:
    inner = groups["i"]
    words = inner.lower().split()
    if len(words) == 2 and words[0] == "the" and words[1] in ("week", "month", "year", "decade", "century"):
        value = _unit_value(words[1], 0, context.anchor)
    elif words[-1] in timex_data()["seasons"] and len(words) <= 2:  # "early summer", "late this spring"
        how = {"last": "last", "next": "next", "this": "this"}.get(words[0], "future" if context.direction == "future" else "past")
        value = _season_value(words[-1], how, context.anchor)[1]
    else:
        value = _endpoint(inner, context)
    return "DATE", value, _mod(groups["e"])


def _range_past(groups: dict[str, str], context: Context) -> Value:
    """"the past week": the interval up to the anchor; "the past year" is the previous calendar year, as TimeBank
    annotates it (both cases of the timex train file, training/heldout.py, are "1988" / "1997", none an interval)."""
    unit = groups["u"].lower()
    anchor = context.anchor
    if unit == "year" and anchor is not None:
        return "DATE", f"{anchor.year - 1:04d}", None
    if unit == "decade" and groups["t"].split()[1].lower() == "past":
        return _rel_unit({"u": unit, "r": "past"}, context)
    if anchor is None:
        return "DURATION", {"week": "P1W", "month": "P1M", "year": "P1Y", "fortnight": "P2W", "decade": "P10Y"}[unit], None
    months = {"month": 1, "year": 12, "decade": 120}.get(unit)
    start = _add_months(anchor, -months) if months else anchor - timedelta(days=14 if unit == "fortnight" else 7)
    if months:
        start = start.replace(day=min(anchor.day, 28)) if anchor.day > 28 else start.replace(day=anchor.day)
    return "DURATION", f"{start.isoformat()}/{anchor.isoformat()}", None


def _word(groups: dict[str, str], context: Context) -> Value:
    kind, arg, *rest = timex_data()["words"][groups["w"].lower()].split()
    anchor = context.anchor
    if kind == "ref":
        return "DATE", arg, None
    if kind == "year":
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX", None
    day = (anchor + timedelta(days=int(arg))).isoformat() if anchor else "XXXX-XX-XX"
    return ("TIME", f"{day}T{rest[0]}", None) if kind == "part" else ("DATE", day, None)


def _future_vague(groups: dict[str, str], context: Context) -> Value:
    """"the coming months", "future quarters", "the near term": an unspecified time ahead."""
    return "DATE", "FUTURE_REF", None


def _anaphor(groups: dict[str, str], context: Context) -> Value:
    days = timex_data()["anaphors"][groups["w"].lower()]
    month = _as_month(context.reference) if abs(days) >= 30 else None  # "In March, ... The following month"
    base = _as_day(context.reference) or month or context.anchor
    if base is None:
        return "DATE", "XXXX-XX-XX", None
    moved = base + timedelta(days=days)
    if abs(days) == 7:
        return "DATE", _week(moved), None
    if abs(days) >= 30:
        return "DATE", _month_of(base, days // 30) if abs(days) < 365 else f"{base.year + days // 365:04d}", None
    return "DATE", moved.isoformat(), None


def _as_month(value: str | None) -> date | None:
    """The first day of a month-precision value ("1989-03": "the following month" counts from March), else None."""
    return _as_day(f"{value}-01") if value and len(value) == 7 and value[5:].isdigit() else None


def _as_day(value: str | None) -> date | None:
    """A date from a day-precision value, else None."""
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _shift(groups: dict[str, str], context: Context) -> Value:
    amount = number(groups["n"])
    unit = groups["u"].lower().rstrip("s").replace("centurie", "century")
    sign = -1 if groups["dir"].lower() in ("ago", "earlier") else 1
    relative = groups["dir"].lower() in ("earlier", "later") and context.reference
    if amount is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    quarter = compared_quarter(context)
    if unit == "year" and context.months_period and (quarter or context.anchor):
        # "For the nine months, ... compared with a year earlier": the year before the report's, not its quarter
        return "DATE", f"{(int(quarter[:4]) if quarter else context.anchor.year) + sign * amount:04d}", None
    if unit == "year" and quarter:
        # "a year ago" in a quarterly report is the same quarter a year back (TimeBank: 1988-Q3, not 1988)
        return "DATE", f"{int(quarter[:4]) + sign * amount:04d}{quarter[4:]}", None
    if relative and unit == "year" and context.reference[:4].isdigit():
        return "DATE", f"{int(context.reference[:4]) + sign * amount:04d}{context.reference[4:]}", None
    base = (_as_day(context.reference) if relative else None) or context.anchor
    return "DATE", _shifted(base, unit, sign * amount), None


def _year_ago(groups: dict[str, str], context: Context) -> Value:
    """"year-earlier" / "year-ago" before a noun: a year back, as "a year ago" reads."""
    return _shift({"n": "1", "u": "year", "dir": "ago"}, context)


def _shifted(base: date | None, unit: str, amount: int) -> str:
    """The calendar unit `amount` units of `unit` from base, at the precision the unit names."""
    precision = {"second": "day", "minute": "day", "hour": "day", "fortnight": "week"}.get(unit, unit)
    if base is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(precision, "XXXX")
    if precision == "day":
        return (base + timedelta(days=amount if unit == "day" else 0)).isoformat()
    if precision == "week":
        return _week(base + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if precision == "month":
        return _month_of(base, amount)
    scale = {"decade": 10, "century": 100}.get(unit, 1)
    return _unit_value(unit, 0, date(base.year + amount * scale, 1, 1))


def _clock(groups: dict[str, str], context: Context) -> Value | None:
    hour, minute = int(groups["h"]), int(groups.get("mi", "0"))
    meridiem = groups.get("ap", "").lower()[:1]
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return "TIME", f"{_day_of(context)}T{hour:02d}:{minute:02d}", None


def _day_of(context: Context) -> str:
    return context.sentence_day or (context.anchor.isoformat() if context.anchor else "XXXX-XX-XX")


def _clock_word(groups: dict[str, str], context: Context) -> Value:
    return "TIME", f"{_day_of(context)}T{timex_data()['clock_words'][groups['w'].lower()]}", None


def _clock_day(groups: dict[str, str], context: Context) -> Value:
    """"4 a.m. EDT Thursday", "noon Saturday": the clock time on the day named with it (TimeBank marks them as one)."""
    day = _endpoint(groups["day"], context)
    return "TIME", _endpoint(groups["c"], replace(context, sentence_day=day if _as_day(day) else None)), None


def _day_part(groups: dict[str, str], context: Context) -> Value:
    """"mid-afternoon yesterday", "late evening": that part of the day named, else of the sentence's day."""
    day = _endpoint(groups["day"], context) if "day" in groups else None
    return "TIME", f"{day if _as_day(day) else _day_of(context)}T{timex_data()['parts'][groups['p'].lower()]}", None


def _duration_value(amount: int | None, unit: str) -> str:
    """P3M, PT48H, P20Y (decades in years), PXD for an unknown amount."""
    code = timex_data()["units"][unit.lower().rstrip("s").replace("centurie", "century")]
    scale = int(code[:-1]) if code[:-1].isdigit() else 1
    count = "X" if amount is None else str(amount * scale)
    return f"PT{count}{code[1]}" if code.startswith("T") else f"P{count}{code[-1]}"


# The half of one unit in the next smaller one ("2 1/2 years" P2Y6M, "a minute and a half" PT1M30S), by unit code.
HALVES = {"Y": "6M", "D": "T12H", "TH": "30M", "TM": "30S"}


def _duration(groups: dict[str, str], context: Context) -> Value:
    value = _duration_value(number(groups["n"]), groups["u"])
    if "h" in groups or "h2" in groups:
        value = _with_half(value)
    return "DURATION", value, _mod(groups["t"])


def _with_half(value: str) -> str:
    """A whole duration plus half its unit, where the unit has a smaller one; else the whole duration."""
    code = ("T" if value.startswith("PT") else "") + value[-1]
    half = HALVES.get(code)
    if half is None or "X" in value:
        return value
    return value + half


def _duration_vague(groups: dict[str, str], context: Context) -> Value:
    unit = groups.get("u") or groups.get("u2") or groups.get("u3") or "days"
    return "DURATION", _duration_value(None, unit), None


def _set_word(groups: dict[str, str], context: Context) -> Value:
    return "SET", timex_data()["sets"][groups["w"].lower()], None


def _set_every(groups: dict[str, str], context: Context) -> Value:
    unit = groups["u"]
    if unit.lower() in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS.index(unit.lower()) + 1}", None
    if unit.lower() in timex_data()["sets"]:
        return "SET", timex_data()["sets"][unit.lower()], None
    if unit[0].isupper() and unit.lower().rstrip("s") not in timex_data()["units"]:  # a month name: "each July"
        return "SET", f"XXXX-{month_number(unit):02d}", None
    amount = number(groups["n"]) if "n" in groups else (2 if "other" in groups["t"].lower() else 1)
    return "SET", _duration_value(amount, unit), None


def _set_times(groups: dict[str, str], context: Context) -> Value:
    return "SET", _duration_value(1, groups["u"]), None


HANDLERS = {
    "range": _range, "year_ago": _year_ago, "month_year_rel": _month_year_rel, "clock_day": _clock_day, "date_mdy": _date, "date_dmy": _date, "date_my": _date, "date_md": _date,
    "date_dm": _date, "date_iso": _date, "date_num": _date, "month": _date, "year": _year, "decade": _decade, "century": _century,
    "edge": _edge, "range_past": _range_past, "rel_unit": _rel_unit, "rel_named": _rel_named,
    "weekend": _weekend_kind, "season": _season, "weekday": _weekday, "holiday": _holiday,
    "word": _word, "future_vague": _future_vague, "anaphor": _anaphor, "shift": _shift, "clock": _clock, "clock_word": _clock_word,
    "that_year": _that_year, "year_end": _year_end, "day_part": _day_part,
    "year_ended": lambda groups, context: ("DURATION", "P1Y", None),  # "for the year ended June 30": a length
    "duration": _duration, "duration_few": _duration_vague, "duration_bare": _duration_vague,
    "set_word": _set_word, "set_every": _set_every, "set_times": _set_times,
    **QUARTER_HANDLERS,
}
