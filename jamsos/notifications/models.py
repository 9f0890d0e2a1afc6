"""What the local gateways recorded instead of sending (the demo's outbox)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jamsos.core import clock


class RecordedSms(models.Model):
    """An SMS the recording gateway would have handed to an operator."""

    to = models.CharField(_("to"), max_length=20)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("recorded at"), default=clock.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recorded SMS")
        verbose_name_plural = _("recorded SMS")

    def __str__(self) -> str:
        return f"SMS {self.pk}"


class RecordedEmail(models.Model):
    """An email the recording backend kept instead of sending (demo only)."""

    to = models.CharField(_("to"), max_length=500)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("recorded at"), default=clock.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recorded email")
        verbose_name_plural = _("recorded emails")

    def __str__(self) -> str:
        return f"Email {self.pk}"
