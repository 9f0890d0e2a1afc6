"""Employers registered with the scheme."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jamsos.core.fields import NppField, NpwpField
from jamsos.reference.models import Branch, Region


class RiskClass(models.TextChoices):
    """The five JKK risk classes of PP 44/2015 Lampiran I (codes as in the rules engine)."""

    VERY_LOW = "very_low", _("I – very low (0.24 %)")
    LOW = "low", _("II – low (0.54 %)")
    MEDIUM = "medium", _("III – medium (0.89 %)")
    HIGH = "high", _("IV – high (1.27 %)")
    VERY_HIGH = "very_high", _("V – very high (1.74 %)")


class Industry(models.TextChoices):
    """Industry groups; the first six are the labour-intensive ones of PP 7/2025."""

    FOOD_BEVERAGE_TOBACCO = "food_beverage_tobacco", _("Food, beverages and tobacco")
    TEXTILE = "textile", _("Textiles and apparel")
    LEATHER = "leather", _("Leather and leather goods")
    FOOTWEAR = "footwear", _("Footwear")
    TOYS = "toys", _("Children's toys")
    FURNITURE = "furniture", _("Furniture")
    CONSTRUCTION = "construction", _("Construction")
    MINING = "mining", _("Mining and quarrying")
    MANUFACTURING = "manufacturing", _("Other manufacturing")
    TRADE = "trade", _("Wholesale and retail trade")
    TRANSPORT = "transport", _("Transport and logistics")
    FINANCE = "finance", _("Finance and insurance")
    INFORMATION = "information", _("Information and communication")
    HEALTH = "health", _("Health and social work")
    EDUCATION = "education", _("Education")
    HOSPITALITY = "hospitality", _("Hotels and restaurants")
    AGRICULTURE = "agriculture", _("Agriculture, forestry and fishing")
    SERVICES = "services", _("Other services")


class Employer(models.Model):
    """A company or other employer, identified by its NPP."""

    npp = NppField(_("NPP"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    npwp = NpwpField(_("NPWP"), blank=True)
    risk_class = models.CharField(_("JKK risk class"), max_length=10, choices=RiskClass.choices)
    industry = models.CharField(_("industry"), max_length=30, choices=Industry.choices)
    address = models.CharField(_("address"), max_length=300)
    branch = models.ForeignKey(
        Branch, models.PROTECT, related_name="employers", verbose_name=_("branch office")
    )
    region = models.ForeignKey(Region, models.PROTECT, related_name="employers", verbose_name=_("region"))
    registered_on = models.DateField(_("registered on"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(risk_class__in=RiskClass.values), name="employer_risk_class_known"
            ),
            models.CheckConstraint(
                condition=models.Q(industry__in=Industry.values), name="employer_industry_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.npp})"
