"""The exact arithmetic the custom expectations call."""

from fractions import Fraction

import pytest

from audit.checks import arith
from audit.model import Interval

I = Interval.parse


def test_parts_exceed_and_fall_short():
    total = I("[2193,2193]")
    assert arith.parts_exceed_total(total, [I("[304,304]"), I("[3,3]"), I("[1058,1058]"), I("[911,911]")])
    assert not arith.parts_short_of_total(total, [I("[2193,2193]")])
    assert arith.parts_short_of_total(I("[104614,104614]"), [I("[103520,103520]"), I("[780,780]")])


def test_approximate_parts_are_not_a_mismatch():
    # 8.4万件 = 8万余件 + 4000件: the intervals overlap, so nothing can be concluded.
    assert not arith.parts_exceed_total(I("[83500,84500)"), [I("[80000,90000)"), I("[4000,4000]")])
    assert not arith.parts_short_of_total(I("[83500,84500)"), [I("[80000,90000)"), I("[4000,4000]")])


@pytest.mark.parametrize(
    "count,base,printed,decimals,modes,ok",
    [
        (30506, 30871, "98.82", 2, arith.ROUNDINGS, True),
        (9363, 10105, "93", 0, arith.ROUNDINGS, True),
        (16, 734, "2.8", 1, arith.ROUNDINGS, False),  # 2.18%
        (5, 12, "41", 0, ("half_up", "half_even"), False),  # 41.67% rounds to 42
        (5, 12, "41", 0, ("truncate",), True),
        (1, 8, "12", 0, ("half_even",), True),  # 12.5 → 12 under half-even
        (1, 8, "12", 0, ("half_up",), False),  # 12.5 → 13 under half-up
        (3, 8, "38", 0, ("half_even",), True),  # 37.5 → 38 under half-even
    ],
)
def test_share_rounding(count, base, printed, decimals, modes, ok):
    p = Fraction(printed)
    assert (
        arith.share_consistent(
            Interval.exact(count), Interval.exact(base), I(f"[{printed},{printed}]"), p, decimals, "exact", modes
        )
        is ok
    )


def test_approximate_percentage_uses_its_interval():
    # 2185 of 2193 is 99.64%: inside 近100% = (95, 100].
    near = I("(95,100]")
    assert arith.share_consistent(Interval.exact(2185), Interval.exact(2193), near, Fraction(100), 0, "nearly", [])
    assert not arith.share_consistent(Interval.exact(2000), Interval.exact(2193), near, Fraction(100), 0, "nearly", [])
