"""How many one-time codes one account, or one number without an account, may receive by SMS.

At most 3 in any 10 minutes and 10 a day (security.md LOCK-07), counted in the shared cache so
every web process sees the same count: nobody can flood a member's phone or run up the
operator's bill. Accounts are counted by id; numbers that have no account yet (activation,
registration) by a hash of the number, so no phone number sits in the cache in the clear.
"""

import hashlib
from datetime import timedelta

from django.core.cache import cache

from jamsos.core import clock

LIMITS = [(3, timedelta(minutes=10)), (10, timedelta(days=1))]
LONGEST = max(window for _, window in LIMITS)


def _key(owner: int | str) -> str:
    if isinstance(owner, int):
        return f"sms-quota:user:{owner}"
    return "sms-quota:phone:" + hashlib.sha256(owner.encode()).hexdigest()


def _recent(owner: int | str) -> list[float]:
    horizon = clock.now().timestamp() - LONGEST.total_seconds()
    return [t for t in cache.get(_key(owner), []) if t > horizon]


def allows(owner: int | str) -> bool:
    """Whether one more SMS may go to this account (its id) or number (E.164)."""
    now = clock.now().timestamp()
    sent = _recent(owner)
    return all(sum(1 for t in sent if t > now - window.total_seconds()) < limit for limit, window in LIMITS)


def count(owner: int | str) -> None:
    cache.set(_key(owner), [*_recent(owner), clock.now().timestamp()], timeout=int(LONGEST.total_seconds()))
