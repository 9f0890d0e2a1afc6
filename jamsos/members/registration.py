"""Registration of self-employed workers (BPU): application, automatic or officer decision, a new KPJ.

The online flow (security.md VAL-02; state in the server-side session under SESSION_KEY, so
no step can be skipped and each code is spent once used):

1. ``details``: NIK, KK number, name, birth date, sex, address, mobile number, email,
   occupation, declared monthly income (whole rupiah) and programmes. JKK and JKM are
   compulsory for a BPU worker and JHT is optional; JP and JKP are not open to them (rulebook
   §2, "Programs": JKK + JKM base package, JHT voluntary add-on, no JP, no JKP). The server
   checks the NIK's format and its agreement with the birth date and sex
   (identifiers.nik_disagreements), the KK format (16 digits), the age (at least
   models.BPU_MIN_AGE) and that the income is positive (BpuApplication.clean). A code goes to
   the mobile number.
2. ``phone_code``: the 6-digit SMS code (valid 5 minutes, single use, 3 wrong tries and the
   flow starts over, 2 new codes per flow and within the number's SMS quota). Once the number is verified, a
   NIK that already has a Member (or an online account) is routed to "activate your existing
   account" (/daftar/aktivasi/). The check waits until here on purpose: whether a NIK is a
   participant is personal data (security.md ENUM-02), so only someone who has just proved a
   working phone, within that phone's SMS quota, can learn it.
3. ``email_code``: a 6-digit code to the email (valid 30 minutes, as in activation).
4. ``review``: the person confirms; the application is stored with the times both contacts
   were verified, and the automatic rule decides at once or leaves it to an officer.

Automatic approval (``review_reasons``): the application is approved at once when every check
below passes; otherwise it stays pending with the codes of the failed checks, and an officer
approves or rejects it with a reason in the admin.

- ``nik_valid``: the NIK is well formed and agrees with the birth date and the sex.
- ``kk_valid``: the KK number has 16 digits, starts with a province code and is not the NIK.
- ``age``: at least BPU_MIN_AGE (18) and under AUTO_MAX_AGE (65). The rulebook gives no BPU
  age limits; 65 is jamsos's provisional line above which an officer looks at the application.
- ``income``: more than 0 and at most the top BPU income band (Rp 20.700.000 in the
  provisional band table, rulebook §2 [L]); a higher declaration is checked by an officer.
- ``contacts_verified``: the phone and the email were each verified by a code.
- ``new_person``: no Member and no online account has this NIK.
- ``single_application``: no other pending or approved application has this NIK.
- ``email_free``: no other account signs in with this email.
- ``phone_free``: no other account has this mobile number verified.

Approval issues a new, unique 11-digit KPJ (random, not starting with 0, like the demo's),
creates the Member (segment BPU, the declared income, registered today) and the User (phone
and email verified, as they were during registration) WITHOUT a usable password, and emails
an activation link valid ACTIVATION_LINK_TTL (24 hours, jamsos choice: the member may read
the email the next day; single use, because the token is tied to the password hash). The
member sets the password at /daftar/bpu/aktifkan/<token>/ and then signs in at /masuk/ with
password and SMS code. An expired link is replaced through Lupa Kata Sandi. Rejection emails
the officer's reason.
"""

from __future__ import annotations

import enum
import logging
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

from allauth.account.models import EmailAddress
from django.contrib.auth import password_validation
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int, int_to_base36
from django.utils.translation import gettext_lazy as _

from jamsos.core import clock
from jamsos.identity import events, notices
from jamsos.identity.activation import (
    EMAIL_CODE_TTL,
    FLOW_TTL,
    MAX_RESENDS,
    PHONE_CODE_TTL,
    CodeResult,
    SessionFlow,
    check_code,
    client_key,
    code_record,
    email_taken,
    hit,
    new_code,
    person_has_account,
    send_code_sms,
    split_name,
)
from jamsos.identity.adapter import site_url
from jamsos.identity.models import EventKind, User, UserKind
from jamsos.members.models import (
    APPLICATION_TRANSITIONS,
    BPU_MIN_AGE,
    ApplicationStatus,
    BpuApplication,
    Member,
    MemberStatus,
    Segment,
    age_on,
)
from jamsos.notifications.send import send_email, send_sms
from jamsos.rules import identifiers
from jamsos.rules.contributions import income_band
from jamsos.rules.identifiers import IdentifierError

logger = logging.getLogger(__name__)

SESSION_KEY = "jamsos_bpu_registration"
SUBMITTED_KEY = "jamsos_bpu_submitted"
ACTIVATION_LINK_TTL = timedelta(hours=24)
AUTO_MAX_AGE = 65
KPJ_ATTEMPTS = 20
STARTS_PER_ADDRESS = (10, timedelta(hours=1))

# The fields the person types, in the order the form shows them (an allow-list: nothing
# else from a request ever reaches an application).
DETAIL_FIELDS = (
    "nik",
    "kk_number",
    "full_name",
    "birth_date",
    "sex",
    "address",
    "phone",
    "email",
    "occupation",
    "declared_income",
    "includes_jht",
)

CHECKS = {
    "nik_valid": _("The NIK is well formed and agrees with the birth date and sex."),
    "kk_valid": _("The KK number has 16 digits, starts with a province code and is not the NIK."),
    "age": _("The applicant is at least 18 and under 65."),
    "income": _("The declared income is within the BPU income bands."),
    "contacts_verified": _("The mobile number and the email were verified by code."),
    "new_person": _("No member and no online account has this NIK."),
    "single_application": _("No other pending or approved application has this NIK."),
    "email_free": _("No other account uses this email."),
    "phone_free": _("No other account has this mobile number verified."),
}


class Step(enum.StrEnum):
    PHONE_CODE = "phone_code"
    EMAIL_CODE = "email_code"
    REVIEW = "review"


class RegistrationError(Exception):
    """A refusal the page or the admin explains; `code` names it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# The online flow ------------------------------------------------------------------------------


@dataclass
class Flow(SessionFlow):
    session_key: ClassVar[str] = SESSION_KEY
    ttl: ClassVar[timedelta] = FLOW_TTL

    id: str
    step: str
    started: float
    details: dict[str, Any]
    phone_code: dict[str, Any]
    phone_resends: int = 0
    phone_verified_at: float | None = None
    email_code: dict[str, Any] | None = None
    email_resends: int = 0
    email_verified_at: float | None = None


current = Flow.load
current_step = Flow.step_in
abandon = Flow.discard


def _require(session: SessionBase, step: str) -> Flow:
    flow = current(session)
    if flow is None or flow.step != step:
        raise RegistrationError("out_of_order")
    return flow


def _serialise(details: dict[str, Any]) -> dict[str, Any]:
    out = {name: details[name] for name in DETAIL_FIELDS}
    out["birth_date"] = details["birth_date"].isoformat()
    return out


def application_from(details: dict[str, Any]) -> BpuApplication:
    """An unsaved application from the stored details (the allow-listed fields only)."""
    values = {name: details[name] for name in DETAIL_FIELDS}
    if isinstance(values["birth_date"], str):
        values["birth_date"] = date.fromisoformat(values["birth_date"])
    return BpuApplication(**values)


def start(request: HttpRequest, details: dict[str, Any]) -> None:
    """Step 1: keeps the checked details in the session and sends a code to the phone.

    Raises RegistrationError("rate_limited") after too many starts from one address, and
    ("sms_quota") when the number typed has had its share of codes.
    """
    abandon(request.session)
    request.session.pop(SUBMITTED_KEY, None)
    if not hit("bpu-start", client_key(request), STARTS_PER_ADDRESS):
        raise RegistrationError("rate_limited")
    flow_id = secrets.token_urlsafe(16)
    code = new_code()
    if not send_code_sms(details["phone"], "members/registration/phone_code_sms.txt", {"code": code}):
        raise RegistrationError("sms_quota")
    Flow(
        id=flow_id,
        step=Step.PHONE_CODE,
        started=clock.now().timestamp(),
        details=_serialise(details),
        phone_code=code_record("bpu-phone", flow_id, code, PHONE_CODE_TTL),
    ).save(request.session)


def resend_phone_code(request: HttpRequest) -> None:
    flow = _require(request.session, Step.PHONE_CODE)
    if flow.phone_resends >= MAX_RESENDS:
        raise RegistrationError("resend_limit")
    code = new_code()
    if not send_code_sms(flow.details["phone"], "members/registration/phone_code_sms.txt", {"code": code}):
        raise RegistrationError("sms_quota")
    flow.phone_resends += 1
    tries = int(flow.phone_code.get("tries", 0))
    flow.phone_code = code_record("bpu-phone", flow.id, code, PHONE_CODE_TTL, tries=tries)
    flow.save(request.session)


def _send_email_code(flow: Flow) -> None:
    code = new_code()
    flow.email_code = code_record("bpu-email", flow.id, code, EMAIL_CODE_TTL)
    send_email(
        flow.details["email"],
        "members/registration/email_code_subject.txt",
        "members/registration/email_code.txt",
        {"code": code, "minutes": int(EMAIL_CODE_TTL.total_seconds() // 60)},
    )


def nik_registered(nik: str) -> bool:
    return Member.objects.filter(nik=nik).exists() or person_has_account(nik)


def verify_phone_code(request: HttpRequest, typed: str) -> CodeResult:
    """Step 2. OK sends the email code; EXHAUSTED ends the flow.

    Raises RegistrationError("existing_member") when the NIK already has a Member: the flow
    ends and the person is sent to activation.
    """
    flow = _require(request.session, Step.PHONE_CODE)
    result = check_code(flow.phone_code, "bpu-phone", flow.id, typed)
    if result == CodeResult.EXHAUSTED:
        abandon(request.session)
        return result
    if result == CodeResult.OK:
        if nik_registered(flow.details["nik"]):
            abandon(request.session)
            raise RegistrationError("existing_member")
        flow.phone_code = {"mac": "", "expires": 0, "tries": 0}
        flow.phone_verified_at = clock.now().timestamp()
        flow.step = Step.EMAIL_CODE
        _send_email_code(flow)
    flow.save(request.session)
    return result


def resend_email_code(request: HttpRequest) -> None:
    flow = _require(request.session, Step.EMAIL_CODE)
    if flow.email_resends >= MAX_RESENDS:
        raise RegistrationError("resend_limit")
    flow.email_resends += 1
    _send_email_code(flow)
    flow.save(request.session)


def verify_email_code(request: HttpRequest, typed: str) -> CodeResult:
    """Step 3. OK moves to the review; EXHAUSTED spends the code (send a new one)."""
    flow = _require(request.session, Step.EMAIL_CODE)
    assert flow.email_code is not None
    result = check_code(flow.email_code, "bpu-email", flow.id, typed)
    if result == CodeResult.OK:
        flow.email_code = None
        flow.email_verified_at = clock.now().timestamp()
        flow.step = Step.REVIEW
    elif result == CodeResult.EXHAUSTED:
        flow.email_code["mac"] = ""
    flow.save(request.session)
    return result


def pending_details(session: SessionBase) -> BpuApplication | None:
    """The details being registered, as an unsaved application (for the pages to show)."""
    flow = current(session)
    return application_from(flow.details) if flow else None


def submit(request: HttpRequest) -> BpuApplication:
    """Step 4: stores the application and lets the automatic rule decide."""
    flow = _require(request.session, Step.REVIEW)
    assert flow.phone_verified_at is not None
    assert flow.email_verified_at is not None
    application = application_from(flow.details)
    application.phone_verified_at = datetime.fromtimestamp(flow.phone_verified_at, tz=UTC)
    application.email_verified_at = datetime.fromtimestamp(flow.email_verified_at, tz=UTC)
    abandon(request.session)
    if nik_registered(application.nik):
        raise RegistrationError("existing_member")
    submit_application(application, request=request)
    request.session[SUBMITTED_KEY] = application.status
    return application


# Applications and decisions -------------------------------------------------------------------


def _kk_valid(application: BpuApplication) -> bool:
    kk = application.kk_number
    return (
        len(kk) == identifiers.NIK_LENGTH
        and kk.isdigit()
        and kk[:2] in identifiers.PROVINCE_CODES
        and kk != application.nik
    )


def _nik_valid(application: BpuApplication) -> bool:
    try:
        nik = identifiers.parse_nik(application.nik, today=clock.today())
    except IdentifierError:
        return False
    sex: identifiers.Sex = "F" if application.sex == "F" else "M"
    return not identifiers.nik_disagreements(nik, birth_date=application.birth_date, sex=sex)


def top_income_band(on: date) -> int:
    return income_band(on, sys.maxsize)[0]


def review_reasons(application: BpuApplication) -> list[str]:
    """The codes of the automatic checks (CHECKS) this application fails; empty: approve."""
    today = clock.today()
    age = age_on(application.birth_date, today)
    others = BpuApplication.objects.filter(
        nik=application.nik, status__in=[ApplicationStatus.PENDING, ApplicationStatus.APPROVED]
    ).exclude(pk=application.pk)
    passed = {
        "nik_valid": _nik_valid(application),
        "kk_valid": _kk_valid(application),
        "age": BPU_MIN_AGE <= age < AUTO_MAX_AGE,
        "income": 0 < application.declared_income <= top_income_band(today),
        "contacts_verified": bool(application.phone_verified_at and application.email_verified_at),
        "new_person": not nik_registered(application.nik),
        "single_application": not others.exists(),
        "email_free": not email_taken(application.email),
        "phone_free": not User.objects.filter(phone=application.phone, phone_verified=True).exists(),
    }
    return [code for code in CHECKS if not passed[code]]


def submit_application(application: BpuApplication, *, request: HttpRequest | None = None) -> BpuApplication:
    """Stores a new application; approves it at once when every automatic check passes."""
    application.full_clean(exclude=["status", "review_reasons", "decided_at", "decided_by", "member"])
    with transaction.atomic():
        application.status = ApplicationStatus.PENDING
        application.save()
        reasons = review_reasons(application)
        if not reasons:
            approve(application, by=None, request=request)
            return application
        application.review_reasons = reasons
        application.save(update_fields=["review_reasons"])
        send_email(
            application.email,
            "members/registration/received_subject.txt",
            "members/registration/received.txt",
            {"name": application.full_name},
        )
    logger.info("BPU application %s waits for an officer: %s", application.pk, ",".join(reasons))
    return application


def _lock_pending(application: BpuApplication, to: str) -> BpuApplication:
    locked = BpuApplication.objects.select_for_update().get(pk=application.pk)
    if to not in APPLICATION_TRANSITIONS[locked.status]:
        raise RegistrationError("already_decided")
    return locked


def issue_kpj() -> str:
    """A random 11-digit KPJ not yet used (no leading zero, like every other KPJ)."""
    for _attempt in range(KPJ_ATTEMPTS):
        kpj = str(10**10 + secrets.randbelow(9 * 10**10))
        if not Member.objects.filter(kpj=kpj).exists():
            return kpj
    raise RuntimeError("no free KPJ found")  # 9e10 numbers: only a broken generator gets here


def _create_member(application: BpuApplication) -> Member:
    member = Member(
        nik=application.nik,
        full_name=application.full_name,
        birth_date=application.birth_date,
        sex=application.sex,
        address=application.address,
        phone=application.phone,
        email=application.email,
        segment=Segment.SELF_EMPLOYED,
        status=MemberStatus.ACTIVE,
        occupation=application.occupation,
        declared_income=application.declared_income,
        registered_on=clock.today(),
    )
    for _attempt in range(KPJ_ATTEMPTS):
        member.kpj = issue_kpj()
        member.full_clean(validate_unique=False)
        try:
            with transaction.atomic():  # a savepoint: a KPJ taken meanwhile is retried
                member.save()
        except IntegrityError:
            if Member.objects.filter(kpj=member.kpj).exists():
                continue
            raise
        return member
    raise RuntimeError("no free KPJ found")


def approve(application: BpuApplication, *, by: User | None, request: HttpRequest | None = None) -> Member:
    """Approves a pending application: a new KPJ, the Member, the User and the activation email.

    `by` is the officer, or None for the automatic rule. Raises RegistrationError when the
    application was decided already ("already_decided"), the NIK has meanwhile become a member
    ("existing_member") or the email is another account's ("email_taken"): reject it instead.
    """
    with transaction.atomic():
        locked = _lock_pending(application, ApplicationStatus.APPROVED)
        if nik_registered(locked.nik):
            raise RegistrationError("existing_member")
        if email_taken(locked.email):
            raise RegistrationError("email_taken")
        member = _create_member(locked)
        first, last = split_name(locked.full_name)
        user = User(
            username=f"m{secrets.token_hex(8)}",
            kind=UserKind.MEMBER,
            nik=locked.nik,
            first_name=first,
            last_name=last,
            email=locked.email,
            phone=locked.phone,
            phone_verified=True,
        )
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=locked.email, primary=True, verified=True)
        member.user = user
        member.save(update_fields=["user"])
        locked.status = ApplicationStatus.APPROVED
        locked.decided_at = clock.now()
        locked.decided_by = by
        locked.member = member
        locked.save(update_fields=["status", "decided_at", "decided_by", "member"])
        send_email(
            locked.email,
            "members/registration/approved_subject.txt",
            "members/registration/approved.txt",
            {
                "name": locked.full_name,
                "kpj": member.kpj,
                "link": activation_link(user),
                "hours": int(ACTIVATION_LINK_TTL.total_seconds() // 3600),
                "jht": locked.includes_jht,
            },
        )
        send_sms(locked.phone, "members/registration/approved_sms.txt", {})
    application.refresh_from_db()
    logger.info("BPU application %s approved (%s)", application.pk, "officer" if by else "automatic")
    return member


def reject(application: BpuApplication, *, by: User, reason: str) -> None:
    """Rejects a pending application with the officer's reason, which is emailed to the applicant."""
    reason = reason.strip()
    if not reason:
        raise RegistrationError("reason_required")
    with transaction.atomic():
        locked = _lock_pending(application, ApplicationStatus.REJECTED)
        locked.status = ApplicationStatus.REJECTED
        locked.decided_at = clock.now()
        locked.decided_by = by
        locked.decision_reason = reason
        locked.save(update_fields=["status", "decided_at", "decided_by", "decision_reason"])
        send_email(
            locked.email,
            "members/registration/rejected_subject.txt",
            "members/registration/rejected.txt",
            {"name": locked.full_name, "reason": reason},
        )
    application.refresh_from_db()


# The activation link --------------------------------------------------------------------------


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset token with its own salt and a 24-hour life (PASSWORD_RESET_TIMEOUT is 1 h).

    The token hashes the password field, so it stops working once a password is set.
    """

    key_salt = "jamsos.members.registration.ActivationTokenGenerator"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        secrets_to_try = [self.secret, *self.secret_fallbacks]
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in secrets_to_try
        ):
            return False
        age = self._num_seconds(self._now()) - ts
        return 0 <= age <= ACTIVATION_LINK_TTL.total_seconds()


activation_tokens = ActivationTokenGenerator()


def activation_token(user: User) -> str:
    return f"{int_to_base36(user.pk)}-{activation_tokens.make_token(user)}"


def activation_link(user: User) -> str:
    return site_url(reverse("portal:bpu_activate", kwargs={"token": activation_token(user)}))


def user_for_token(token: str) -> User | None:
    """The member the link was sent to, while it is valid and no password was set; else None."""
    uid_b36, _sep, rest = token.partition("-")
    try:
        uid = base36_to_int(uid_b36)
    except ValueError:
        return None
    user = User.objects.filter(pk=uid, is_active=True, kind=UserKind.MEMBER).first()
    if user is None or user.has_usable_password() or not activation_tokens.check_token(user, rest):
        return None
    return user


def validate_new_password(user: User, password: str) -> None:
    password_validation.validate_password(password, user)


def set_first_password(user: User, token: str, password: str, *, request: HttpRequest | None = None) -> None:
    """Sets the password of an approved member through the link; the link is then spent."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if user_for_token(token) is None:
            raise RegistrationError("link_invalid")
        password_validation.validate_password(password, locked)
        locked.set_password(password)
        locked.save(update_fields=["password"])
        events.record(locked, EventKind.ACTIVATED, request=request)
        notices.notify(locked, EventKind.ACTIVATED, request=request)
