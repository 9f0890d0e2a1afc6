"""Members, their employment periods and the wages of each period.

A member row is one membership number (KPJ). One person (one NIK) may hold several KPJ
numbers, typically one per past employer, so the NIK is indexed but not unique.
"""

import re
import unicodedata
from datetime import date

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from jamsos.core import clock
from jamsos.core.fields import KpjField, MobilePhoneField, NikField
from jamsos.employers.models import Employer
from jamsos.rules import identifiers
from jamsos.rules.identifiers import IdentifierError


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class Segment(models.TextChoices):
    WAGE_EARNER = "PU", _("Wage earner (PU)")
    SELF_EMPLOYED = "BPU", _("Self-employed (BPU)")


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DECEASED = "deceased", _("Deceased")


class LeavingReason(models.TextChoices):
    RESIGNATION = "resignation", _("Resignation")
    TERMINATION = "termination", _("Termination by the employer")
    CONTRACT_END = "contract_end", _("End of contract")
    RETIREMENT = "retirement", _("Retirement")
    DEATH = "death", _("Death")


def normalize_secret_answer(value: str) -> str:
    """Case, accents, punctuation and spacing do not matter when a name is compared."""
    decomposed = unicodedata.normalize("NFKD", value)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", letters.casefold()).split())


def mask_nik(nik: str) -> str:
    """Shows a NIK as 3201********0001 wherever the full number is not needed."""
    return nik[:4] + "*" * 8 + nik[-4:] if len(nik) == identifiers.NIK_LENGTH else "*" * len(nik)


class Member(models.Model):
    """A participant under one membership number (KPJ)."""

    kpj = KpjField(_("KPJ number"), unique=True)
    nik = NikField(_("NIK"), db_index=True)
    full_name = models.CharField(_("full name"), max_length=150)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    mother_maiden_name_hash = models.CharField(max_length=128, blank=True, editable=False)
    address = models.CharField(_("address"), max_length=300)
    phone = MobilePhoneField(_("mobile number"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    segment = models.CharField(_("segment"), max_length=3, choices=Segment.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )
    occupation = models.CharField(_("occupation"), max_length=100, blank=True)
    declared_income = models.BigIntegerField(
        _("declared monthly income (Rp)"), null=True, blank=True, help_text=_("Self-employed members only.")
    )
    registered_on = models.DateField(_("registered on"))
    # The online account of the person holding this KPJ (one login for all their KPJ numbers);
    # empty until they activate online access.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("online account"),
    )
    nik_mismatch_note = models.CharField(
        _("why the NIK may differ from the birth date or sex"),
        max_length=200,
        blank=True,
        help_text=_(
            "A NIK never changes, even when a birth date is corrected later. Record the officer's check."
        ),
    )

    class Meta:
        ordering = ["kpj"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.CheckConstraint(condition=models.Q(sex__in=Sex.values), name="member_sex_known"),
            models.CheckConstraint(
                condition=models.Q(segment__in=Segment.values), name="member_segment_known"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MemberStatus.values), name="member_status_known"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(segment=Segment.WAGE_EARNER, declared_income__isnull=True)
                    | models.Q(
                        segment=Segment.SELF_EMPLOYED, declared_income__isnull=False, declared_income__gt=0
                    )
                ),
                name="member_declared_income_only_for_bpu",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.kpj})"

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik)

    def set_mother_maiden_name(self, value: str) -> None:
        self.mother_maiden_name_hash = make_password(normalize_secret_answer(value))

    def check_mother_maiden_name(self, value: str) -> bool:
        if not self.mother_maiden_name_hash:
            return False
        return check_password(normalize_secret_answer(value), self.mother_maiden_name_hash)

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        if self.birth_date and self.birth_date > clock.today():
            errors.setdefault("birth_date", []).append(
                ValidationError(_("The birth date cannot be in the future."), code="birth_date_future")
            )
        sex: identifiers.Sex | None = "F" if self.sex == Sex.FEMALE else "M" if self.sex == Sex.MALE else None
        if self.nik and self.birth_date and sex and not self.nik_mismatch_note:
            try:
                parsed = identifiers.parse_nik(self.nik, today=clock.today())
            except IdentifierError:
                parsed = None  # the NIK field's own validator has reported it
            if parsed:
                for problem in identifiers.nik_disagreements(parsed, birth_date=self.birth_date, sex=sex):
                    errors.setdefault("nik", []).append(NIK_DISAGREEMENT_ERRORS[problem])
        if self.segment == Segment.SELF_EMPLOYED and not (self.declared_income and self.declared_income > 0):
            errors.setdefault("declared_income", []).append(
                ValidationError(
                    _("Enter the monthly income of a self-employed member, in whole rupiah."),
                    code="declared_income_required",
                )
            )
        if self.segment == Segment.WAGE_EARNER and self.declared_income is not None:
            errors.setdefault("declared_income", []).append(
                ValidationError(
                    _("Leave the declared income empty for a wage earner: the employer reports the wage."),
                    code="declared_income_not_for_pu",
                )
            )
        if errors:
            raise ValidationError(errors)


NIK_DISAGREEMENT_ERRORS = {
    "birth_date": ValidationError(
        _("Digits 7 to 12 of the NIK do not match the birth date. Check both against the KTP."),
        code="nik_birth_date_mismatch",
    ),
    "sex": ValidationError(
        _("The NIK does not match the sex: for women the day of birth in the NIK is increased by 40."),
        code="nik_sex_mismatch",
    ),
}


class EmploymentPeriod(models.Model):
    """A wage earner's time with one employer, from the start date to the end date if left."""

    member = models.ForeignKey(
        Member, models.PROTECT, related_name="employment_periods", verbose_name=_("member")
    )
    employer = models.ForeignKey(
        Employer, models.PROTECT, related_name="employment_periods", verbose_name=_("employer")
    )
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    leaving_reason = models.CharField(
        _("reason for leaving"), max_length=20, choices=LeavingReason.choices, blank=True
    )

    class Meta:
        ordering = ["member", "started_on"]
        verbose_name = _("employment period")
        verbose_name_plural = _("employment periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="employment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(ended_on__isnull=True, leaving_reason="")
                    | models.Q(ended_on__isnull=False, leaving_reason__in=LeavingReason.values)
                ),
                name="employment_reason_iff_ended",
            ),
        ]
        indexes = [models.Index(fields=["employer", "started_on"], name="employment_by_employer")]

    def __str__(self) -> str:
        return f"{self.member.kpj} @ {self.employer.npp} from {self.started_on}"

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = ValidationError(
                _("The end date must be on or after the start date."), code="ends_before_start"
            )
        if self.ended_on and not self.leaving_reason:
            errors["leaving_reason"] = ValidationError(
                _("Choose why the worker left."), code="leaving_reason_required"
            )
        if self.leaving_reason and not self.ended_on:
            errors["ended_on"] = ValidationError(
                _("Enter the date the worker left, or clear the reason for leaving."),
                code="end_date_required",
            )
        if self.member_id and self.member.segment != Segment.WAGE_EARNER:
            errors["member"] = ValidationError(
                _("Only a wage earner (PU) has employment periods."), code="not_a_wage_earner"
            )
        if errors:
            raise ValidationError(errors)


class EmploymentWage(models.Model):
    """The monthly wage (basic plus fixed allowances) of a period, from a date on."""

    period = models.ForeignKey(
        EmploymentPeriod, models.CASCADE, related_name="wages", verbose_name=_("employment")
    )
    valid_from = models.DateField(_("valid from"))
    monthly_wage = models.BigIntegerField(_("monthly wage (Rp)"))

    class Meta:
        ordering = ["period", "valid_from"]
        verbose_name = _("wage")
        verbose_name_plural = _("wages")
        constraints = [
            models.UniqueConstraint(fields=["period", "valid_from"], name="wage_once_per_date"),
            models.CheckConstraint(condition=models.Q(monthly_wage__gt=0), name="wage_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.valid_from:%Y-%m}: Rp {self.monthly_wage}"


# Registration of self-employed workers (BPU) ------------------------------------------------

KK_LENGTH = 16
# The youngest age at which a self-employed worker may register online: UU 13/2003 Pasal 1(26)
# calls anyone under 18 a child, and the rulebook gives no BPU minimum (jamsos choice; a
# younger worker registers at a branch office with a guardian).
BPU_MIN_AGE = 18


def validate_kk(value: str) -> None:
    """A family card (Kartu Keluarga) number: 16 digits."""
    if not (value.isascii() and value.isdigit()):
        raise ValidationError(
            _("The KK number may contain only digits. Copy the 16 digits from your family card."),
            code="kk_not_digits",
        )
    if len(value) != KK_LENGTH:
        raise ValidationError(
            _("The KK number must have %(expected)d digits; you entered %(found)d."),
            code="kk_length",
            params={"expected": KK_LENGTH, "found": len(value)},
        )


def age_on(birth_date: date, day: date) -> int:
    """Completed years of age on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an officer")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# The only status changes there are (jamsos.members.registration performs them): a decision is
# final; a rejected worker applies again with a new application.
APPLICATION_TRANSITIONS: dict[str, frozenset[str]] = {
    ApplicationStatus.PENDING: frozenset({ApplicationStatus.APPROVED, ApplicationStatus.REJECTED}),
    ApplicationStatus.APPROVED: frozenset(),
    ApplicationStatus.REJECTED: frozenset(),
}


class BpuApplication(models.Model):
    """A self-employed worker's online registration, from submission to an officer's decision.

    Written only by jamsos.members.registration; the phone and the email were each verified by a
    code before the application could be submitted.
    """

    nik = NikField(_("NIK"), db_index=True)
    kk_number = models.CharField(_("family card (KK) number"), max_length=KK_LENGTH, validators=[validate_kk])
    full_name = models.CharField(_("full name"), max_length=150)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    address = models.CharField(_("address"), max_length=300)
    phone = MobilePhoneField(_("mobile number"))
    email = models.EmailField(_("email"))
    occupation = models.CharField(_("occupation"), max_length=100)
    declared_income = models.BigIntegerField(_("declared monthly income (Rp)"))
    includes_jht = models.BooleanField(
        _("also joins JHT"), default=False, help_text=_("JKK and JKM are compulsory; JHT is optional.")
    )
    phone_verified_at = models.DateTimeField(_("mobile number verified at"))
    email_verified_at = models.DateTimeField(_("email verified at"))
    submitted_at = models.DateTimeField(_("submitted at"), default=clock.now)
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    # Codes of the automatic checks that did not pass (why an officer must decide).
    review_reasons = models.JSONField(_("checks that need an officer"), default=list, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Empty on a decided application: the automatic rule approved it.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    member = models.OneToOneField(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bpu_application",
        verbose_name=_("member"),
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("BPU application")
        verbose_name_plural = _("BPU applications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ApplicationStatus.values), name="bpuapplication_status_known"
            ),
            models.CheckConstraint(condition=models.Q(sex__in=Sex.values), name="bpuapplication_sex_known"),
            models.CheckConstraint(
                condition=models.Q(declared_income__gt=0), name="bpuapplication_income_positive"
            ),
            # The state table: pending has no decision; approved has a member; rejected a reason.
            models.CheckConstraint(
                condition=(
                    models.Q(status=ApplicationStatus.PENDING, decided_at__isnull=True, member__isnull=True)
                    | models.Q(
                        status=ApplicationStatus.APPROVED, decided_at__isnull=False, member__isnull=False
                    )
                    | (
                        models.Q(
                            status=ApplicationStatus.REJECTED, decided_at__isnull=False, member__isnull=True
                        )
                        & ~models.Q(decision_reason="")
                    )
                ),
                name="bpuapplication_status_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_status_display()})"

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik)

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        today = clock.today()
        if self.birth_date and self.birth_date > today:
            errors.setdefault("birth_date", []).append(
                ValidationError(_("The birth date cannot be in the future."), code="birth_date_future")
            )
        elif self.birth_date and age_on(self.birth_date, today) < BPU_MIN_AGE:
            errors.setdefault("birth_date", []).append(
                ValidationError(
                    _(
                        "Online registration is for workers aged %(age)d or older. "
                        "Visit a branch office to register a younger worker."
                    ),
                    code="too_young",
                    params={"age": BPU_MIN_AGE},
                )
            )
        sex: identifiers.Sex | None = "F" if self.sex == Sex.FEMALE else "M" if self.sex == Sex.MALE else None
        if self.nik and self.birth_date and sex:
            try:
                parsed = identifiers.parse_nik(self.nik, today=today)
            except IdentifierError:
                parsed = None  # the NIK field's own validator has reported it
            if parsed:
                for problem in identifiers.nik_disagreements(parsed, birth_date=self.birth_date, sex=sex):
                    errors.setdefault("nik", []).append(NIK_DISAGREEMENT_ERRORS[problem])
        if self.declared_income is not None and self.declared_income <= 0:
            errors.setdefault("declared_income", []).append(
                ValidationError(
                    _("Enter your monthly income in whole rupiah, more than 0."), code="income_not_positive"
                )
            )
        if errors:
            raise ValidationError(errors)
