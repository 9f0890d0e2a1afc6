"""Integer rupiah arithmetic: a rate is applied exactly and each line is rounded half-up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def percent(amount: int, rate_percent: Decimal, divisor: int = 1) -> int:
    """`amount` x `rate_percent` / 100 (/ `divisor`: 12 for a yearly rate over a month), rounded
    half-up to whole rupiah (amount >= 0).

    Integer arithmetic on the rate's exact fraction: as exact as Decimal and several times
    faster, which matters when a month's bill has 100,000 lines.
    """
    numerator, denominator = rate_percent.as_integer_ratio()
    return fraction(amount, numerator, 100 * divisor * denominator)


def fraction(amount: int, numerator: int, denominator: int) -> int:
    """`amount` x numerator / denominator, rounded half-up (denominator > 0)."""
    quotient, remainder = divmod(amount * numerator, denominator)
    return quotient + (1 if 2 * remainder >= denominator else 0)


def round_half_up(value: Fraction) -> int:
    """An exact fraction rounded half-up to a whole number."""
    return fraction(value.numerator, 1, value.denominator)


def rp_id(amount: int) -> str:
    """Rp 10.547.400: an amount as written in Indonesian."""
    return ("-" if amount < 0 else "") + f"Rp {abs(amount):,}".replace(",", ".")


def rp_en(amount: int) -> str:
    """Rp 10,547,400: an amount as written in English."""
    return ("-" if amount < 0 else "") + f"Rp {abs(amount):,}"


def pct_id(rate_percent: Decimal) -> str:
    """0,54 %: a percentage as written in Indonesian."""
    return format(rate_percent.normalize(), "f").replace(".", ",") + " %"


def pct_en(rate_percent: Decimal) -> str:
    """0.54 %: a percentage as written in English."""
    return format(rate_percent.normalize(), "f") + " %"
