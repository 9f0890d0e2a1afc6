"""Activation of online access by an existing participant (Daftar > Aktivasi), one step at a time.

The steps run only in this order (security.md VAL-02); the state lives in the server-side
session under SESSION_KEY, so a step cannot be skipped, and each step's secret is spent when
it is used, so none can be replayed:

1. ``details``: KPJ + NIK + birth date + mother's maiden name. Exactly one Argon2 verification
   runs whether or not a member matched (the maiden-name hash of the member, or a dummy hash
   of the same cost), and the answer is the same either way (security.md ENUM-02): "if these
   details match a participant, we have sent a code to the mobile number on record". When the
   person already has an online account, that phone gets an SMS saying so (with a pointer to
   Lupa Kata Sandi) instead of a code. Limited per address (ATTEMPTS_PER_ADDRESS) and per KPJ
   (FAILURES_PER_KPJ failed matches), counted in the shared cache whether or not the KPJ exists.
2. ``phone_code``: the 6-digit SMS code (``secrets``), valid PHONE_CODE_TTL (5 minutes, MFA-03),
   single use, MAX_WRONG_CODES wrong tries and the flow starts over. A new code ("kirim
   ulang") keeps the failure count (MFA-04) and is limited to MAX_RESENDS (2) per flow and by
   the per-number SMS quota (3 in 10 minutes, 10 a day; over it nothing is sent, silently,
   because saying so would tell that the details matched). When nothing matched the page and
   its answers are the same, and no code is ever accepted.
3. ``email`` then ``email_code``: the person types an email; a 6-digit code valid
   EMAIL_CODE_TTL goes to it. 30 minutes (jamsos choice): NIST 800-63B-4 allows up to 24 hours
   for an emailed code, but the person is at the screen waiting, and the whole flow lasts
   FLOW_TTL anyway. MAX_WRONG_CODES wrong tries spend the code (ask for a new one).
4. ``password``: checked by Django's validators against the member's KPJ, NIK, name and birth
   date (an unsaved User carrying ``password_context``).
5. ``complete``: one transaction creates the User (kind member, an opaque random username, the
   NIK, the name and the phone from the member record with the phone verified, a verified
   primary email), links every Member with that NIK, records EventKind.ACTIVATED and sends a
   notice (after commit). Nobody is signed in: the person signs in at /masuk/ with the new
   password and an SMS code.

Codes are kept only as HMACs (keyed with SECRET_KEY and bound to this flow's random id) and
compared with ``secrets.compare_digest``. Neither the NIK nor the KPJ is put in a URL, a log or
a cache key (cache keys carry a hash).

The helpers for one-time codes, counters and the per-number SMS quota are shared with the
registration of self-employed workers (jamsos.members.registration).
"""

from __future__ import annotations

import enum
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache as memoize
from typing import Any, ClassVar, Self

from allauth.account.models import EmailAddress
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from jamsos.core import clock
from jamsos.identity import events, notices, sms_quota
from jamsos.identity.models import EventKind, User, UserKind
from jamsos.identity.password_validation import date_forms
from jamsos.members.models import Member, MemberStatus, normalize_secret_answer
from jamsos.notifications.send import send_email, send_sms

logger = logging.getLogger(__name__)

SESSION_KEY = "jamsos_activation"
DONE_KEY = "jamsos_activation_done"

OTP_DIGITS = 6
PHONE_CODE_TTL = timedelta(minutes=5)
EMAIL_CODE_TTL = timedelta(minutes=30)
FLOW_TTL = timedelta(hours=1)
MAX_WRONG_CODES = 3
# The first code and two new ones fit in the number's quota of 3 SMS in 10 minutes
# (sms_quota.LIMITS), so a person meets this per-flow limit, which answers the same whether
# or not anything matched, rather than the quota, which would skip sending silently.
MAX_RESENDS = 2
MAX_EMAIL_SENDS = 3

# Step 1 limits. Mobile carriers put many phones behind one address (CGNAT), so the address
# limit is generous; the per-KPJ failure limit is what stops guessing one member's details.
ATTEMPTS_PER_ADDRESS = (30, timedelta(hours=1))
FAILURES_PER_KPJ = (5, timedelta(hours=1))
EMAIL_SENDS_PER_ADDRESS = (10, timedelta(hours=1))


class Step(enum.StrEnum):
    PHONE_CODE = "phone_code"
    EMAIL = "email"
    EMAIL_CODE = "email_code"
    PASSWORD = "password"  # noqa: S105  (a step name, not a secret)


class CodeResult(enum.StrEnum):
    OK = "ok"
    WRONG = "wrong"  # tries remain
    EXPIRED = "expired"
    EXHAUSTED = "exhausted"  # the last allowed wrong try: the code (or the flow) is spent


class ActivationError(Exception):
    """A refusal the page explains; `code` names it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# Shared helpers: one-time codes, counters, the SMS quota of a number -------------------------


def new_code() -> str:
    return f"{secrets.randbelow(10**OTP_DIGITS):0{OTP_DIGITS}d}"


def _mac(purpose: str, flow: str, code: str) -> str:
    return salted_hmac(f"jamsos.signup.{purpose}", f"{flow}:{code}").hexdigest()


def code_record(purpose: str, flow: str, code: str | None, ttl: timedelta, tries: int = 0) -> dict[str, Any]:
    """What the session keeps of a code: its HMAC (none when no code was sent), expiry, tries."""
    return {
        "mac": _mac(purpose, flow, code) if code is not None else "",
        "expires": (clock.now() + ttl).timestamp(),
        "tries": tries,
    }


def check_code(record: dict[str, Any], purpose: str, flow: str, typed: str) -> CodeResult:
    """Checks a typed code against a record, counting a wrong try in the record."""
    typed = "".join(typed.split())
    expected = str(record.get("mac", ""))
    # Computed even for a record without a code, so both paths do the same work.
    matches = secrets.compare_digest(_mac(purpose, flow, typed), expected) and bool(expected)
    if clock.now().timestamp() > float(record["expires"]):
        return CodeResult.EXPIRED
    if matches:
        return CodeResult.OK
    record["tries"] = int(record.get("tries", 0)) + 1
    return CodeResult.EXHAUSTED if record["tries"] >= MAX_WRONG_CODES else CodeResult.WRONG


def _bucket_key(name: str, key: str, window: timedelta) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()
    bucket = int(clock.now().timestamp() // window.total_seconds())
    return f"signup-count:{name}:{digest}:{bucket}"


def hit(name: str, key: str, limit: tuple[int, timedelta]) -> bool:
    """Counts one event in the current window; False once `limit` events were already counted.

    A fixed window in the shared cache; add + incr are atomic on Redis, so concurrent requests
    cannot both take the last place.
    """
    amount, window = limit
    cache_key = _bucket_key(name, key, window)
    cache.add(cache_key, 0, timeout=int(window.total_seconds()) + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=int(window.total_seconds()) + 1)
        count = 1
    return count <= amount


def exceeded(name: str, key: str, limit: tuple[int, timedelta]) -> bool:
    """Whether `limit` events were already counted in the current window (counts nothing)."""
    amount, window = limit
    return int(cache.get(_bucket_key(name, key, window), 0)) >= amount


def send_code_sms(phone: str, template: str, context: dict[str, Any]) -> bool:
    """Sends an SMS within the number's quota; False (nothing sent) once the quota is used."""
    if not phone or not sms_quota.allows(phone):
        return False
    sms_quota.count(phone)
    send_sms(phone, template, context)
    return True


def client_key(request: HttpRequest) -> str:
    return events.client_ip(request) or "unknown"


@memoize
def _dummy_hash() -> str:
    # A maiden-name hash nobody has: verifying against it costs what a real verification costs.
    return make_password(secrets.token_urlsafe(16))


def split_name(full_name: str) -> tuple[str, str]:
    """First and last name for the User: the last word is the last name, if there are two."""
    words = full_name.split()
    if len(words) < 2:
        return full_name.strip()[:150], ""
    return " ".join(words[:-1])[:150], words[-1][:150]


def person_has_account(nik: str) -> bool:
    return (
        User.objects.filter(nik=nik).exists() or Member.objects.filter(nik=nik, user__isnull=False).exists()
    )


# The flow ------------------------------------------------------------------------------------


class SessionFlow:
    """A step-by-step flow's state in the server-side session: JSON fields, one key, a lifetime.

    Subclasses are dataclasses with at least `step` and `started` (a timestamp); activation and
    the registration of self-employed workers each keep one.
    """

    session_key: ClassVar[str]
    ttl: ClassVar[timedelta]
    step: str
    started: float

    def save(self, session: SessionBase) -> None:
        session[self.session_key] = self.__dict__.copy()

    @classmethod
    def load(cls, session: SessionBase) -> Self | None:
        """The flow in progress, or None (never started, finished, or older than its lifetime)."""
        data = session.get(cls.session_key)
        if not isinstance(data, dict):
            return None
        try:
            flow = cls(**data)
        except TypeError:  # saved by an older version of the flow
            session.pop(cls.session_key, None)
            return None
        if clock.now().timestamp() - flow.started > cls.ttl.total_seconds():
            session.pop(cls.session_key, None)
            return None
        return flow

    @classmethod
    def step_in(cls, session: SessionBase) -> str | None:
        flow = cls.load(session)
        return flow.step if flow else None

    @classmethod
    def discard(cls, session: SessionBase) -> None:
        session.pop(cls.session_key, None)


@dataclass
class Flow(SessionFlow):
    """The activation state kept in the session (JSON: no model objects)."""

    session_key: ClassVar[str] = SESSION_KEY
    ttl: ClassVar[timedelta] = FLOW_TTL

    id: str
    step: str
    member: int | None
    started: float
    phone_code: dict[str, Any]
    resends: int = 0
    email: str = ""
    email_code: dict[str, Any] | None = None
    email_sends: int = 0


current = Flow.load
current_step = Flow.step_in
abandon = Flow.discard


def _member_for(kpj: str, nik: str, birth_date: date, maiden_name: str) -> Member | None:
    """The member these details name, or None; always exactly one Argon2 verification."""
    member = Member.objects.filter(kpj=kpj).first()
    candidate = (
        member
        if member is not None
        and member.nik == nik
        and member.birth_date == birth_date
        and member.status != MemberStatus.DECEASED
        and member.mother_maiden_name_hash
        else None
    )
    if candidate is None:
        check_password(normalize_secret_answer(maiden_name), _dummy_hash())
        return None
    return candidate if candidate.check_mother_maiden_name(maiden_name) else None


def start(request: HttpRequest, *, kpj: str, nik: str, birth_date: date, maiden_name: str) -> None:
    """Step 1. Starts a flow whatever the outcome; raises ActivationError("rate_limited").

    The limits are checked before anything is looked up and do not depend on whether the KPJ
    exists, so their answer tells nothing about membership either.
    """
    session = request.session
    abandon(session)
    session.pop(DONE_KEY, None)
    if exceeded("activation-kpj-failures", kpj, FAILURES_PER_KPJ) or not hit(
        "activation-address", client_key(request), ATTEMPTS_PER_ADDRESS
    ):
        raise ActivationError("rate_limited")
    member = _member_for(kpj, nik, birth_date, maiden_name)
    flow_id = secrets.token_urlsafe(16)
    code: str | None = None
    if member is None:
        hit("activation-kpj-failures", kpj, FAILURES_PER_KPJ)
    elif person_has_account(member.nik):
        send_code_sms(member.phone, "identity/activation/already_active_sms.txt", {})
        member = None  # nothing more to do online: no code exists, none is accepted
    elif member.phone:
        code = new_code()
        send_code_sms(member.phone, "identity/activation/phone_code_sms.txt", {"code": code})
    Flow(
        id=flow_id,
        step=Step.PHONE_CODE,
        member=member.pk if member is not None and code is not None else None,
        started=clock.now().timestamp(),
        phone_code=code_record("activation-phone", flow_id, code, PHONE_CODE_TTL),
    ).save(session)


def resend_phone_code(request: HttpRequest) -> None:
    """A new SMS code: same page and limits whether or not anything matched; tries are kept.

    Raises ActivationError("resend_limit") after MAX_RESENDS new codes in this flow.
    """
    flow = _require(request.session, Step.PHONE_CODE)
    if flow.resends >= MAX_RESENDS:
        raise ActivationError("resend_limit")
    flow.resends += 1
    code: str | None = None
    member = Member.objects.filter(pk=flow.member).first() if flow.member else None
    if member is not None and member.phone:
        code = new_code()
        send_code_sms(member.phone, "identity/activation/phone_code_sms.txt", {"code": code})
    tries = int(flow.phone_code.get("tries", 0))
    flow.phone_code = code_record("activation-phone", flow.id, code, PHONE_CODE_TTL, tries=tries)
    flow.save(request.session)


def verify_phone_code(request: HttpRequest, typed: str) -> CodeResult:
    """Step 2. OK moves on to the email; EXHAUSTED ends the flow (start over)."""
    flow = _require(request.session, Step.PHONE_CODE)
    result = check_code(flow.phone_code, "activation-phone", flow.id, typed)
    if result == CodeResult.EXHAUSTED:
        abandon(request.session)
        return result
    if result == CodeResult.OK:
        flow.step = Step.EMAIL
        flow.phone_code = {"mac": "", "expires": 0, "tries": 0}  # spent
    flow.save(request.session)
    return result


def send_email_code(request: HttpRequest, email: str) -> None:
    """Step 3: sends a code to the email typed (also from the code page, to change or resend).

    Raises ActivationError("email_limit") after MAX_EMAIL_SENDS codes in this flow or too many
    from one address.
    """
    flow = current(request.session)
    if flow is None or flow.step not in (Step.EMAIL, Step.EMAIL_CODE):
        raise ActivationError("out_of_order")
    if flow.email_sends >= MAX_EMAIL_SENDS or not hit(
        "activation-email", client_key(request), EMAIL_SENDS_PER_ADDRESS
    ):
        raise ActivationError("email_limit")
    code = new_code()
    flow.email_sends += 1
    flow.email = email.strip()
    flow.email_code = code_record("activation-email", flow.id, code, EMAIL_CODE_TTL)
    flow.step = Step.EMAIL_CODE
    flow.save(request.session)
    send_email(
        flow.email,
        "identity/activation/email_code_subject.txt",
        "identity/activation/email_code.txt",
        {"code": code, "minutes": int(EMAIL_CODE_TTL.total_seconds() // 60)},
    )


def email_taken(email: str, *, nik: str = "") -> bool:
    """Whether another account already signs in with this email (it is a login identifier)."""
    others = EmailAddress.objects.filter(email__iexact=email, verified=True)
    if nik:
        others = others.exclude(user__nik=nik)
    return others.exists()


def verify_email_code(request: HttpRequest, typed: str) -> CodeResult:
    """Step 3b. OK moves on to the password; EXHAUSTED spends the code (send a new one).

    Raises ActivationError("email_taken") when the (now verified) email is another account's:
    the person has just shown they own the address, so telling them is no leak.
    """
    flow = _require(request.session, Step.EMAIL_CODE)
    assert flow.email_code is not None
    result = check_code(flow.email_code, "activation-email", flow.id, typed)
    if result == CodeResult.OK:
        flow.email_code = None
        if email_taken(flow.email):
            flow.step = Step.EMAIL
            flow.save(request.session)
            raise ActivationError("email_taken")
        flow.step = Step.PASSWORD
    elif result == CodeResult.EXHAUSTED:
        flow.email_code["mac"] = ""
    flow.save(request.session)
    return result


def _require(session: SessionBase, step: str) -> Flow:
    flow = current(session)
    if flow is None or flow.step != step:
        raise ActivationError("out_of_order")
    return flow


def _members_of(flow: Flow) -> tuple[Member, list[Member]]:
    assert flow.member is not None  # a flow without a member never passes the SMS code
    member = Member.objects.get(pk=flow.member)
    return member, list(Member.objects.filter(nik=member.nik).order_by("kpj"))


def password_context(members: list[Member]) -> dict[str, list[str]]:
    return {
        "kpj": [m.kpj for m in members],
        "nik": sorted({m.nik for m in members}),
        "name": sorted({m.full_name for m in members}),
        "birth_date": [form for m in members for form in date_forms(m.birth_date)],
    }


def _unsaved_user(member: Member, members: list[Member], email: str) -> User:
    first, last = split_name(member.full_name)
    user = User(
        username=f"m{secrets.token_hex(8)}",
        kind=UserKind.MEMBER,
        nik=member.nik,
        first_name=first,
        last_name=last,
        email=email,
        phone=member.phone,
        phone_verified=True,
    )
    user.password_context = password_context(members)  # type: ignore[attr-defined]  # read by the validator
    return user


def validate_password(request: HttpRequest, password: str) -> None:
    """Step 4: raises ValidationError with every reason the password is refused."""
    flow = _require(request.session, Step.PASSWORD)
    member, members = _members_of(flow)
    password_validation.validate_password(password, _unsaved_user(member, members, flow.email))


def complete(request: HttpRequest, password: str) -> User | None:
    """Step 5: creates the account in one transaction; the flow ends whatever happens.

    Returns None when the person got an account meanwhile (a second browser finished first):
    nothing is created, and the page tells them to sign in.
    """
    flow = _require(request.session, Step.PASSWORD)
    member, members = _members_of(flow)
    user = _unsaved_user(member, members, flow.email)
    password_validation.validate_password(password, user)
    abandon(request.session)
    try:
        with transaction.atomic():
            # Lock the person's member rows: two activations of one NIK queue here.
            locked = list(Member.objects.select_for_update().filter(nik=member.nik))
            if person_has_account(member.nik) or email_taken(flow.email):
                return None
            user.set_password(password)
            user.save()
            EmailAddress.objects.create(user=user, email=flow.email, primary=True, verified=True)
            Member.objects.filter(pk__in=[m.pk for m in locked]).update(user=user)
            events.record(user, EventKind.ACTIVATED, request=request)
            notices.notify(user, EventKind.ACTIVATED, request=request)
    except IntegrityError:  # the NIK or email was taken between the check and the insert
        return None
    request.session[DONE_KEY] = True
    logger.info("online access activated for user %s", user.pk)
    return user
