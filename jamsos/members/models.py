"""Members, their employment periods and the wages of each period.

A member row is one membership number (KPJ). One person (one NIK) may hold several KPJ
numbers, typically one per past employer, so the NIK is indexed but not unique.
"""

import re
import unicodedata

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
