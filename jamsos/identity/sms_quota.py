"""How many one-time codes one account may receive by SMS (security.md LOCK-07).

At most 3 in any 10 minutes and 10 a day, counted in the shared cache so every web process
sees the same count: nobody can flood a member's phone or run up the operator's bill.
"""

from datetime import timedelta

from django.core.cache import cache

from jamsos.core import clock

LIMITS = [(3, timedelta(minutes=10)), (10, timedelta(days=1))]


def _key(user_id: int) -> str:
    return f"sms-quota:{user_id}"


def _recent(user_id: int) -> list[float]:
    horizon = clock.now().timestamp() - max(window for _, window in LIMITS).total_seconds()
    return [t for t in cache.get(_key(user_id), []) if t > horizon]


def allows(user_id: int) -> bool:
    now = clock.now().timestamp()
    sent = _recent(user_id)
    return all(sum(1 for t in sent if t > now - window.total_seconds()) < limit for limit, window in LIMITS)


def count(user_id: int) -> None:
    sent = [*_recent(user_id), clock.now().timestamp()]
    cache.set(_key(user_id), sent, timeout=int(max(window for _, window in LIMITS).total_seconds()))
