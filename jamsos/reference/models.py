"""Regions (regencies and cities) with their minimum wages, and branch offices."""

from datetime import date

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

region_code_validator = RegexValidator(r"^\d{4}$", _("A region code has 4 digits (province and regency)."))


class Region(models.Model):
    """A regency (kabupaten) or city (kota), the unit a minimum wage (UMK) is set for."""

    code = models.CharField(_("region code"), max_length=4, unique=True, validators=[region_code_validator])
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    def minimum_wage_on(self, day: date) -> int | None:
        """The minimum wage in force on `day`, in rupiah, or None when none is recorded."""
        row = self.minimum_wages.filter(valid_from__lte=day).order_by("-valid_from").first()
        return row.amount if row else None


class MinimumWage(models.Model):
    """A regional minimum wage (UMK, or UMP where no UMK is set), valid from a date."""

    region = models.ForeignKey(Region, models.CASCADE, related_name="minimum_wages", verbose_name=_("region"))
    valid_from = models.DateField(_("valid from"))
    amount = models.BigIntegerField(_("amount (Rp)"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["region", "-valid_from"]
        verbose_name = _("minimum wage")
        verbose_name_plural = _("minimum wages")
        constraints = [
            models.UniqueConstraint(fields=["region", "valid_from"], name="minimum_wage_once_per_date"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="minimum_wage_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.valid_from:%Y-%m-%d}: Rp {self.amount}"


class Branch(models.Model):
    """A branch office (kantor cabang) where members and employers are served in person."""

    code = models.CharField(
        _("branch code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]\d{2}$", _("A branch code is a capital letter and two digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    city = models.CharField(_("city"), max_length=100)
    province = models.CharField(_("province"), max_length=100)
    address = models.CharField(_("address"), max_length=300)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    weekday_hours = models.CharField(_("Monday to Friday hours"), max_length=20, help_text="08.00–15.00")
    saturday_hours = models.CharField(
        _("Saturday hours"), max_length=20, blank=True, help_text=_("Empty when closed.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("branch office")
        verbose_name_plural = _("branch offices")

    def __str__(self) -> str:
        return self.name
