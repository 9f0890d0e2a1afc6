"""Frequently asked questions, as data: each answer cites the regulation it rests on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class FaqEntry:
    slug: str
    question: StrOrPromise
    answer: StrOrPromise
    regulation: StrOrPromise

    def matches(self, words: Iterable[str]) -> bool:
        """True when every word occurs in the question, answer or regulation, in the active language."""
        haystack = f"{self.question}\n{self.answer}\n{self.regulation}".casefold()
        return all(word.casefold() in haystack for word in words)


# The numbers come from the rulebook; when a regulation changes, change the entry here and
# regenerate the catalogues with `make messages`. Strings with a percent sign carry an
# `xgettext:no-python-format` comment: they are never %-formatted, and without it xgettext
# takes "% o" or "% f" for a placeholder and msgfmt then rejects the Indonesian translation.
ENTRIES: tuple[FaqEntry, ...] = (
    FaqEntry(
        slug="jht-when-to-claim",
        question=_("When can I claim my JHT (old-age savings)?"),
        answer=_(
            "The whole JHT balance is paid when you reach age 56 (or the retirement age in your "
            "employment contract or company rules); one month after you resign or are dismissed (the "
            "waiting month counts from the date of the employer's statement or of the dismissal); when a "
            "fixed-term contract ends; when you leave Indonesia for good; on total permanent disability; "
            "and to your heirs if you die. Self-employed members (BPU) can claim when they stop working."
        ),
        regulation=_("Permenaker 4/2022, Articles 4 to 11; PP 46/2015 as amended by PP 60/2015"),
    ),
    FaqEntry(
        slug="jht-partial",
        question=_("Can I take part of my JHT while I am still working?"),
        answer=_(
            # xgettext:no-python-format
            "Yes, once, after at least 10 years of membership: up to 10% of the balance to prepare for "
            "retirement, or up to 30% to buy a home. The rest stays in your account and keeps earning "
            "returns until you claim it in full."
        ),
        regulation=_("PP 46/2015 as amended by PP 60/2015"),
    ),
    FaqEntry(
        slug="jkp-benefit",
        question=_("How much does JKP (job-loss benefit) pay?"),
        answer=_(
            # xgettext:no-python-format
            "If you were dismissed on or after 7 February 2025, JKP pays 60% of your last reported wage "
            "every month for up to 6 months. The wage counted is capped at Rp 5,000,000, so the most is "
            "Rp 3,000,000 a month (Rp 18,000,000 in all). For dismissals before 7 February 2025 the old "
            "rule applies: 45% of the wage for the first 3 months, then 25% for the next 3 months. JKP "
            "also gives job-market information and job training."
        ),
        regulation=_("PP 37/2021 as amended by PP 6/2025"),
    ),
    FaqEntry(
        slug="jkp-eligibility",
        question=_("Who can receive JKP?"),
        answer=_(
            "An Indonesian citizen whose employer ended the employment (PHK), who has paid contributions "
            "for at least 12 months within the last 24 months, and who is willing to work again. JKP is "
            "not paid after a resignation, on retirement or total permanent disability, or when a "
            "fixed-term contract simply runs out. Claim within 6 months of the dismissal (3 months for "
            "dismissals before 7 February 2025); the right ends when you start a new job."
        ),
        regulation=_("PP 37/2021 as amended by PP 6/2025"),
    ),
    FaqEntry(
        slug="jp-pension-age",
        question=_("When do I receive the JP pension?"),
        answer=_(
            "From the first day of the month after you reach the JP retirement age, if you have paid "
            "contributions for at least 15 years (180 months). The age was 56 until 2018 and 57 from 2019, "
            "and it rises by one year every three years: 58 in 2022 to 2024, 59 in 2025 to 2027, 60 in "
            "2028 to 2030, up to 65 from 2043. With fewer than 180 months you receive your contributions "
            "and their returns as a lump sum instead of a monthly pension."
        ),
        regulation=_("PP 45/2015, Articles 15 to 17; UU 40/2004, Article 41"),
    ),
    FaqEntry(
        slug="jp-amount",
        question=_("How is the JP pension calculated?"),
        answer=_(
            # xgettext:no-python-format
            "The first year's monthly pension is 1% × years of contributions × your average monthly wage "
            "over those years, each year's wage adjusted for inflation. For example, 20 years at an "
            "average of Rp 8,000,000 gives 1% × 20 × 8,000,000 = Rp 1,600,000 a month. The pension rises "
            "every year with inflation and stays between a minimum and a maximum that are also indexed "
            "every year (Rp 300,000 and Rp 3,600,000 in 2015)."
        ),
        regulation=_("PP 45/2015, Articles 17 and 18"),
    ),
    FaqEntry(
        slug="jp-wage-cap",
        question=_("What is the JP wage cap?"),
        answer=_(
            # xgettext:no-python-format
            "JP contributions are calculated on the wage up to a ceiling. It was Rp 7,000,000 in 2015 and "
            "is raised every March by the previous year's economic growth; it is Rp 10,547,400 from "
            "March 2025. On a higher wage, JP is 3% of the cap, not of the whole wage. JKK, JKM and JHT "
            "have no cap."
        ),
        regulation=_("PP 45/2015, Article 29"),
    ),
    FaqEntry(
        slug="jkm-benefit",
        question=_("What do the heirs receive from JKM when a member dies?"),
        answer=_(
            "When a member dies of a cause other than a work accident, the heirs receive Rp 42 million in "
            "cash: a death benefit of Rp 20 million, a periodic benefit of Rp 12 million (24 × Rp 500,000, "
            "paid at once) and Rp 10 million for the funeral. If the member had paid contributions for at "
            "least 3 years, up to two children also receive a scholarship. The JHT balance and any JP "
            "benefit are paid to the heirs separately."
        ),
        regulation=_("PP 44/2015 as amended by PP 82/2019"),
    ),
    FaqEntry(
        slug="scholarship",
        question=_("How does the scholarship for a member's children work?"),
        answer=_(
            "Up to two children receive it after the member's death (JKM, after at least 3 years of "
            "contributions) or after death or total permanent disability from a work accident (JKK, with "
            "no minimum period). Per child and school year: Rp 1,500,000 in kindergarten (up to 2 years) "
            "and primary school (6 years), Rp 2,000,000 in junior high school (3 years), Rp 3,000,000 in "
            "senior high school (3 years) and Rp 12,000,000 at university or in training (5 years), at "
            "most Rp 87 million per child. It is claimed every year and ends when the child turns 23, "
            "marries or starts working."
        ),
        regulation=_("Permenaker 5/2021; PP 82/2019"),
    ),
    FaqEntry(
        slug="jkk-benefits",
        question=_("What does JKK cover after a work accident?"),
        answer=_(
            # xgettext:no-python-format
            "Accidents at work and on the way between home and work, and occupational diseases. JKK pays "
            "medical care as needed, with no cost ceiling; transport of the victim; your full wage for the "
            "first 12 months you cannot work, then 50% until you recover; a lump sum for permanent "
            "disability (56 times the monthly wage for total disability); and on death 48 times the "
            "monthly wage, Rp 10 million for the funeral, Rp 12 million in periodic benefit and "
            "scholarships for up to two children. Claim within 5 years of the accident or diagnosis."
        ),
        regulation=_("PP 44/2015 as amended by PP 82/2019"),
    ),
    FaqEntry(
        slug="contribution-rates",
        question=_("How much are the contributions for an employee?"),
        answer=_(
            # xgettext:no-python-format
            "As a share of the monthly wage: JKK 0.24% to 1.74% depending on the risk class of the "
            "business, and JKM 0.30%, both paid by the employer; JHT 5.7%, of which the employer pays "
            "3.7% and the worker 2%; JP 3%, of which the employer pays 2% and the worker 1%, on the wage "
            "up to the JP cap. JKP costs nothing extra: it is funded by the government and by a "
            "recomposition of the JKK contribution."
        ),
        regulation=_("PP 44/2015; PP 45/2015; PP 46/2015; PP 37/2021 as amended by PP 6/2025"),
    ),
    FaqEntry(
        slug="wage-basis",
        question=_("Which wage are the contributions calculated on?"),
        answer=_(
            "The basic wage plus fixed allowances; overtime, variable allowances and the religious holiday "
            "allowance (THR) do not count. The reported wage may not be lower than the regional minimum "
            "wage (UMK, or UMP where no UMK is set). For daily-paid workers the monthly wage is 25 times "
            "the daily wage; for piece-rate workers it is the average of the last 3 months."
        ),
        regulation=_("Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022"),
    ),
    FaqEntry(
        slug="due-date",
        question=_("When must the contributions be paid?"),
        answer=_(
            "An employer pays each month's contributions, including the worker's share deducted from the "
            "wage, by the 15th of the following month. When the 15th is a Saturday, Sunday or public "
            "holiday, the deadline moves to the next working day. Self-employed members (BPU) pay by the "
            "15th of the month the contribution is for."
        ),
        regulation=_("PP 44/2015; Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022"),
    ),
    FaqEntry(
        slug="late-fee",
        question=_("What happens when the employer pays late?"),
        answer=_(
            # xgettext:no-python-format
            "The employer owes a late fee of 2% for each month of lateness, calculated on the contribution "
            "that should have been paid. The employer bears the fee in full, so it may not be deducted "
            "from your wage, and pays it with the next contribution. A payment is applied to the oldest "
            "unpaid month first."
        ),
        regulation=_("PP 44/2015; PP 46/2015"),
    ),
    FaqEntry(
        slug="bpu-contributions",
        question=_("I am self-employed. How much do I pay?"),
        answer=_(
            # xgettext:no-python-format
            "Self-employed and informal workers (BPU) choose a declared monthly income and pay JKK at 1% "
            "of it (at least Rp 10,000) and JKM at Rp 6,800 a month, so the smallest package is Rp 16,800 "
            "a month. JHT at 2% of the declared income is optional. JP and JKP are not open to BPU "
            "members. From January 2026 to March 2027, transport workers such as online motorcycle-taxi "
            "drivers and couriers pay half the JKK and JKM contribution."
        ),
        regulation=_("PP 44/2015 as amended by PP 49/2023; Permenaker 1/2016; PP 50/2025"),
    ),
    FaqEntry(
        slug="find-kpj",
        question=_("Where do I find my KPJ number?"),
        answer=_(
            "The KPJ number is your membership number: 11 digits printed on your membership card, on paper "
            "or digital. Your employer's HR staff can look it up, and any branch office will find it when "
            "you show your KTP. Never give your KPJ number together with your password or a verification "
            "code (OTP) to anyone."
        ),
        regulation=_("UU 24/2011 on BPJS"),
    ),
)


def search(words: Iterable[str]) -> list[FaqEntry]:
    """The entries matching every word (case-insensitively, in the active language); all when none."""
    wanted = list(words)
    return [entry for entry in ENTRIES if entry.matches(wanted)]
