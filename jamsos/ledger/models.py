"""Ledger accounts, postings and entries: double entry, append only.

Every movement of money is one Posting made of Entries whose amounts (integer rupiah, debit
positive, credit negative) sum to zero. A Posting names the source document it comes from in
`source_key`, unique, so a bank callback or a wage report delivered twice posts once. Entries
and postings are never changed or deleted: the database refuses it (triggers, see the
migrations); a mistake is corrected by a reversing posting, which names the one it reverses
(unique: a posting is reversed at most once). Each account keeps a cached `balance`, changed
only in the transaction that adds its entries, under a row lock; `ledger verify` recomputes
every balance from the entries.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jamsos.core import clock
from jamsos.employers.models import Employer
from jamsos.members.models import Member


class Programme(models.TextChoices):
    JKK = "JKK", "JKK"
    JKM = "JKM", "JKM"
    JHT = "JHT", "JHT"
    JP = "JP", "JP"
    JKP = "JKP", "JKP"


class AccountKind(models.TextChoices):
    # Owed to a member (credit-normal): their JHT savings and JP accumulated contributions.
    MEMBER_SAVINGS = "member_savings", _("Member savings")
    # Owed by an employer (debit-normal): reported and unpaid contributions, late fees.
    EMPLOYER_RECEIVABLE = "employer_receivable", _("Employer receivable")
    # Owed to an employer (credit-normal): overpayments to use on later bills.
    EMPLOYER_CREDIT = "employer_credit", _("Employer credit")
    # Money in the scheme's bank accounts (debit-normal).
    BANK = "bank", _("Bank")
    # The pooled funds of the risk programmes and of JP (credit-normal).
    PROGRAMME_FUND = "programme_fund", _("Programme fund")
    # Development returns credited to JHT savings (debit-normal: the fund's expense).
    RETURNS = "returns", _("Development returns")
    # Late fees charged to employers (credit-normal: income).
    LATE_FEES = "late_fees", _("Late fees")


# The side on which each kind of account grows: +1 debit-normal, -1 credit-normal. A balance
# shown to people is `normal_side * balance`, so a member's savings read as a positive amount.
NORMAL_SIDE = {
    AccountKind.MEMBER_SAVINGS: -1,
    AccountKind.EMPLOYER_RECEIVABLE: 1,
    AccountKind.EMPLOYER_CREDIT: -1,
    AccountKind.BANK: 1,
    AccountKind.PROGRAMME_FUND: -1,
    AccountKind.RETURNS: 1,
    AccountKind.LATE_FEES: -1,
}


class Account(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=AccountKind.choices)
    programme = models.CharField(_("programme"), max_length=3, choices=Programme.choices, blank=True)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The sum of this account's entries (debit positive), kept in step with them.
    balance = models.BigIntegerField(_("balance (Rp)"), default=0)

    class Meta:
        verbose_name = _("ledger account")
        verbose_name_plural = _("ledger accounts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AccountKind.values), name="account_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(programme__in=[*Programme.values, ""]), name="account_programme_known"
            ),
            # A member's account belongs to the member, an employer's to the employer, and the
            # scheme's own accounts to neither.
            models.CheckConstraint(
                condition=(
                    models.Q(kind=AccountKind.MEMBER_SAVINGS, member__isnull=False, employer__isnull=True)
                    & models.Q(programme__in=[Programme.JHT, Programme.JP])
                )
                | models.Q(
                    kind__in=[AccountKind.EMPLOYER_RECEIVABLE, AccountKind.EMPLOYER_CREDIT],
                    member__isnull=True,
                    employer__isnull=False,
                )
                | models.Q(
                    kind__in=[
                        AccountKind.BANK,
                        AccountKind.PROGRAMME_FUND,
                        AccountKind.RETURNS,
                        AccountKind.LATE_FEES,
                    ],
                    member__isnull=True,
                    employer__isnull=True,
                ),
                name="account_owner_fits_kind",
            ),
            models.UniqueConstraint(
                fields=["kind", "programme"],
                condition=models.Q(member__isnull=True, employer__isnull=True),
                name="account_unique_scheme",
            ),
            models.UniqueConstraint(
                fields=["kind", "programme", "member"],
                condition=models.Q(member__isnull=False),
                name="account_unique_member",
            ),
            models.UniqueConstraint(
                fields=["kind", "programme", "employer"],
                condition=models.Q(employer__isnull=False),
                name="account_unique_employer",
            ),
        ]

    def __str__(self) -> str:
        owner = f"member {self.member_id}" if self.member_id else ""
        owner = owner or (f"employer {self.employer_id}" if self.employer_id else "")
        return " ".join(part for part in (self.kind, self.programme, owner) if part)

    @property
    def shown_balance(self) -> int:
        """The balance as people read it: positive when the account holds what it should."""
        return NORMAL_SIDE[AccountKind(self.kind)] * self.balance


class Posting(models.Model):
    """One balanced movement of money, from one source document."""

    # What caused it, unique: "payment:BANK-REF-123", "bill:NPP:2026-10:v1", "returns:2026".
    source_key = models.CharField(_("source"), max_length=200, unique=True)
    description = models.CharField(_("description"), max_length=300)
    posted_at = models.DateTimeField(_("posted at"), default=clock.now, db_index=True)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        constraints = [
            models.CheckConstraint(condition=~models.Q(source_key=""), name="posting_source_given"),
            models.CheckConstraint(
                condition=~models.Q(reverses=models.F("pk")), name="posting_does_not_reverse_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.source_key


class Entry(models.Model):
    posting = models.ForeignKey(Posting, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField(_("amount (Rp, debit positive)"))
    programme = models.CharField(_("programme"), max_length=3, choices=Programme.choices, blank=True)
    # The contribution month the money belongs to (its first day), when it belongs to one.
    contribution_month = models.DateField(_("contribution month"), null=True, blank=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [models.Index(fields=["account", "contribution_month"], name="entry_account_month")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(amount=0), name="entry_amount_not_zero"),
        ]

    def __str__(self) -> str:
        return f"{self.posting_id}: {self.account_id} {self.amount}"
