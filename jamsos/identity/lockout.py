"""Per-account, escalating lockout (security.md LOCK-01..04; Keycloak's brute-force model).

Failures of the password and of every second factor count on one counter per account. From
5 consecutive failures the account waits 1 minute after each further failure, from 10 it waits
15 minutes and from 20 one hour; at 100 it stays locked until an officer unlocks it after
verifying the person, or the member resets the password. Failures made while locked are not
counted (the answer is the same as for a wrong password, so nobody learns of the lock). A
complete sign-in resets the count.

Identifiers that name no account get the same treatment, counted in the shared cache, so a
locked answer never tells a member from a stranger.
"""

import hashlib
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import transaction

from jamsos.core import clock
from jamsos.identity import events
from jamsos.identity.models import AccountLock, EventKind, User

# (failures at least, wait): the first row that matches applies.
WAITS = [(20, timedelta(hours=1)), (10, timedelta(minutes=15)), (5, timedelta(minutes=1))]
PERMANENT_AFTER = 100
CAPTCHA_AFTER = 3
# How long the failures of an identifier without an account, or of one address, are remembered.
MEMORY = timedelta(hours=12)


def wait_after(failures: int) -> timedelta | None:
    for threshold, wait in WAITS:
        if failures >= threshold:
            return wait
    return None


def _locked(failures: int, locked_until: datetime | None) -> bool:
    return failures >= PERMANENT_AFTER or (locked_until is not None and locked_until > clock.now())


def _unknown_key(key: str) -> str:
    return "lockout:unknown:" + hashlib.sha256(key.encode()).hexdigest()


def _address_key(ip: str) -> str:
    return "lockout:address:" + hashlib.sha256(ip.encode()).hexdigest()


FRESH_LOCK = "_jamsos_lock_at_lookup"


def remember_lock(user: User, lock: AccountLock | None) -> None:
    """Keeps the lock read together with the user (accounts.find_user) for this request."""
    setattr(user, FRESH_LOCK, lock)


def _lock_of(user: User) -> AccountLock | None:
    # The lock read with the user in this request costs no query; record_failure,
    # record_success and unlock drop that copy. Any other user object asks the database.
    if hasattr(user, FRESH_LOCK):
        lock: AccountLock | None = getattr(user, FRESH_LOCK)
        return lock
    return AccountLock.objects.filter(user=user).first()


def _forget_lock(user: User) -> None:
    user.__dict__.pop(FRESH_LOCK, None)


def is_locked(user: User | None, key: str) -> bool:
    if user is None:
        failures, until = cache.get(_unknown_key(key), (0, None))
        return _locked(failures, until)
    lock = _lock_of(user)
    return lock is not None and _locked(lock.failures, lock.locked_until)


def failures_of(user: User | None, key: str) -> int:
    if user is None:
        return int(cache.get(_unknown_key(key), (0, None))[0])
    lock = _lock_of(user)
    return lock.failures if lock else 0


def address_failures(ip: str) -> int:
    return int(cache.get(_address_key(ip), 0))


def needs_captcha(user: User | None, key: str, ip: str) -> bool:
    return failures_of(user, key) >= CAPTCHA_AFTER or address_failures(ip) >= CAPTCHA_AFTER


def _count_address(ip: str) -> None:
    key = _address_key(ip)
    cache.add(key, 0, timeout=int(MEMORY.total_seconds()))
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=int(MEMORY.total_seconds()))


def record_failure(user: User | None, key: str, *, ip: str, factor: str, request: object = None) -> None:
    """Counts one failed password or second-factor attempt, unless the account is locked."""
    _count_address(ip)
    now = clock.now()
    if user is None:
        failures, until = cache.get(_unknown_key(key), (0, None))
        if _locked(failures, until):
            return
        failures += 1
        wait = wait_after(failures)
        cache.set(_unknown_key(key), (failures, now + wait if wait else None), int(MEMORY.total_seconds()))
        return
    _forget_lock(user)
    with transaction.atomic():
        lock, _ = AccountLock.objects.select_for_update().get_or_create(user=user)
        if _locked(lock.failures, lock.locked_until):
            return
        lock.failures += 1
        lock.last_failure_at = now
        wait = wait_after(lock.failures)
        lock.locked_until = now + wait if wait else None
        lock.save(update_fields=["failures", "last_failure_at", "locked_until"])
        kind = EventKind.LOGIN_FAILED if factor == "password" else EventKind.SECOND_FACTOR_FAILED
        events.record(user, kind, request=request, detail=factor)
        if wait or lock.failures >= PERMANENT_AFTER:
            events.record(user, EventKind.LOCKED, request=request, detail=str(lock.failures))


def record_success(user: User) -> None:
    _forget_lock(user)
    AccountLock.objects.filter(user=user).exclude(failures=0, locked_until=None).update(
        failures=0, locked_until=None
    )


def unlock(user: User, *, officer: User, verified_by: str, request: object = None) -> None:
    """An officer ends a lock after verifying the person; how they verified is recorded."""
    _forget_lock(user)
    with transaction.atomic():
        AccountLock.objects.filter(user=user).update(failures=0, locked_until=None)
        events.record(user, EventKind.UNLOCKED, request=request, actor=officer, detail=verified_by[:200])


def locked_accounts() -> "list[AccountLock]":
    """Accounts locked now, for the officers' list."""
    from django.db.models import Q

    return list(
        AccountLock.objects.filter(Q(locked_until__gt=clock.now()) | Q(failures__gte=PERMANENT_AFTER))
        .select_related("user")
        .order_by("-last_failure_at")
    )
