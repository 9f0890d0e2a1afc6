"""The contribution ledger: append-only double-entry postings and the balances they make."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "jamsos.ledger"
    verbose_name = _("Ledger")
