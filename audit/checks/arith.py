"""Exact interval arithmetic behind the custom GX expectations.

Pure functions over ``Interval``/``Fraction``: no floats, no GX. The GX metric
providers in ``gx.py`` call these row by row, so the comparison still happens
inside the expectation while the arithmetic stays unit-testable.

Rounding a share p% printed with k decimals (unit u = 10^-k) accepts an exact
ratio r when:

* ``half_up``   r ∈ [p − u/2, p + u/2)
* ``half_even`` r ∈ [p − u/2, p + u/2], a tie counting only when p's last digit is even
* ``truncate``  r ∈ [p, p + u)

A ratio known only as an interval (approximate counts) is consistent when some
value in it rounds to p. An approximate percentage (近100%, 约30%) has its own
interval and is consistent when the ratio interval overlaps it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterable

from audit.model import Approx, Interval

ROUNDINGS = ("half_up", "half_even", "truncate")


def parts_exceed_total(total: Interval, parts: list[Interval]) -> bool:
    """Every possible sum of the parts is above every possible total."""
    return Interval.sum(parts).entirely_above(total)


def parts_short_of_total(total: Interval, parts: list[Interval]) -> bool:
    """Every possible sum of the parts is below every possible total."""
    return total.entirely_above(Interval.sum(parts))


def coverage(total: Interval, parts: list[Interval]) -> Fraction:
    """How much of the total the parts account for, at best (upper sum / lower total)."""
    summed = Interval.sum(parts)
    if total.lo <= 0:
        return Fraction(1)
    if summed.hi is None:
        return Fraction(10**9)
    return summed.hi / total.lo


def ratio_interval(count: Interval, base: Interval) -> Interval | None:
    """100·count/base as an interval; None when the base may be zero or is unbounded."""
    if base.lo <= 0 or base.hi is None:
        return None
    hi = None if count.hi is None else 100 * count.hi / base.lo
    return Interval(
        100 * count.lo / base.hi,
        hi,
        # 0 divided by any base is 0: a zero bound is reached whatever the base's bounds
        count.lo_open or (base.hi_open and count.lo != 0),
        hi is not None and (count.hi_open or (base.lo_open and count.hi != 0)),
    )


def rounding_preimage(printed: Fraction, decimals: int, mode: str) -> Interval:
    """The exact ratios that print as ``printed`` under ``mode``."""
    unit = Fraction(1, 10**decimals)
    if mode == "half_up":
        return Interval(printed - unit / 2, printed + unit / 2, hi_open=True)
    if mode == "half_even":
        last_digit_even = int(printed * 10**decimals) % 2 == 0
        return Interval(
            printed - unit / 2,
            printed + unit / 2,
            lo_open=not last_digit_even,
            hi_open=not last_digit_even,
        )
    if mode == "truncate":
        return Interval(printed, printed + unit, hi_open=True)
    raise ValueError(f"unknown rounding mode {mode!r}")


def share_consistent(
    count: Interval,
    base: Interval,
    percent: Interval,
    printed: Fraction,
    decimals: int,
    approx: str,
    modes: Iterable[str],
) -> bool:
    """Whether ``printed`` % can be ``count`` out of ``base`` under one of ``modes``."""
    ratio = ratio_interval(count, base)
    if ratio is None:
        return True  # nothing can be concluded about a zero or unbounded base
    if approx != Approx.EXACT.value:
        return ratio.overlaps(percent)
    return any(ratio.overlaps(rounding_preimage(printed, decimals, m)) for m in modes)


def exact_ratio(count: Fraction, base: Fraction) -> Fraction | None:
    return None if base == 0 else 100 * count / base
