"""JHT parameter rows (PP 46/2015, PP 60/2015, Permenaker 4/2022, PP 68/2009), each with its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jamsos.rules.params import Param, ParamTable

# PP 46/2015 took effect with the other BPJS Ketenagakerjaan programmes on 1 July 2015; rows
# whose regulation is older or whose first date is unknown start there, so that no JHT rule
# is looked up for a date before jamsos has any JHT row.
JHT_START = date(2015, 7, 1)

# A year's credited return is stored as a row valid from 1 January of that year. The engine
# reads it only for that year: a year with no row of its own is "not published" and uses the
# assumed rate the caller gives (see jht.credited_rate).
CREDIT_RATES: tuple[Param[object], ...] = (
    Param(
        "jht_credit_rate",
        date(2016, 1, 1),
        Decimal("7.19"),
        "JHT return credited for 2016: 7,19 % (pasardana 8-2-2017, semarak, bisnis.com; rulebook §3.1 [H])",
    ),
    Param(
        "jht_credit_rate",
        date(2017, 1, 1),
        Decimal("7.83"),
        "JHT return credited for 2017: 7,83 % (liputan6; bisnis.com citing BPJS Watch says 7,82 %; "
        "rulebook §3.1, §8 item 6: sources disagree)",
        provisional=True,
    ),
    Param(
        "jht_credit_rate",
        date(2018, 1, 1),
        Decimal("6.26"),
        "JHT return credited for 2018: 6,26 % (kontan, bisnis.com; rulebook §3.1 [H])",
    ),
    Param(
        "jht_credit_rate",
        date(2019, 1, 1),
        Decimal("6.08"),
        "JHT return credited for 2019: 6,08 % (kontan; bisnis.com says 6,06 %; "
        "rulebook §3.1, §8 item 6: sources disagree)",
        provisional=True,
    ),
    Param(
        "jht_credit_rate",
        date(2020, 1, 1),
        Decimal("5.59"),
        "JHT return credited for 2020: 5,59 % (bisnis.com, kontan, Direktur Keuangan; rulebook §3.1 [H])",
    ),
    *(
        Param(
            "jht_credit_rate",
            date(year, 1, 1),
            Decimal("5.59"),
            f"ASSUMED JHT return for {year}: not found (rulebook §3.1, §8 item 5); the 2020 credited "
            "rate carried forward until the BPJS figure replaces this row",
            provisional=True,
        )
        for year in range(2021, 2026)
    ),
)

ROWS: tuple[Param[object], ...] = (
    *CREDIT_RATES,
    Param(
        "jht_retirement_age",
        JHT_START,
        56,
        "Permenaker 4/2022 Pasal 6(1), 7: JHT payable at retirement age 56, or the pension age of the "
        "employment contract, company regulation or PKB (rulebook §3.1 [H])",
    ),
    Param(
        "jht_waiting_months",
        JHT_START,
        1,
        "Permenaker 4/2022 Pasal 8-11: 1-month waiting period after resignation or PHK (rulebook §3.1 [H])",
    ),
    Param(
        "jht_partial_min_years",
        JHT_START,
        10,
        "PP 46/2015 as amended by PP 60/2015: partial withdrawal after at least 10 years of membership "
        "(rulebook §3.1 [H])",
    ),
    Param(
        "jht_partial_share_retirement",
        JHT_START,
        Decimal("10"),
        "PP 46/2015 as amended by PP 60/2015: at most 10 % of the balance to prepare for retirement "
        "(rulebook §3.1 [H])",
    ),
    Param(
        "jht_partial_share_housing",
        JHT_START,
        Decimal("30"),
        "PP 46/2015 as amended by PP 60/2015: at most 30 % of the balance for housing (rulebook §3.1 [H])",
    ),
    Param(
        "jht_partial_max_withdrawals",
        JHT_START,
        1,
        "PP 46/2015 as amended by PP 60/2015: a partial withdrawal is allowed once during membership "
        "(rulebook §3.1 [H])",
    ),
    # Brackets as (upper bound of the bracket in rupiah or None for the last, rate in percent).
    Param(
        "jht_tax_brackets",
        JHT_START,
        ((50_000_000, Decimal("0")), (None, Decimal("5"))),
        "PP 68/2009 Pasal 4 (final PPh 21 on a JHT lump sum): 0 % up to Rp 50.000.000, 5 % above, per "
        "payment; from memory, to confirm against PMK 168/2023 (rulebook §3.1 [M], §8 item 13)",
        provisional=True,
    ),
    Param(
        "jmo_jht_limit",
        date(2021, 1, 1),
        10_000_000,
        "JMO app: JHT claims fully online up to Rp 10.000.000 before May 2025 (suaradermayu, mataberita; "
        "rulebook §4.1); the date this limit started is not known",
        provisional=True,
    ),
    Param(
        "jmo_jht_limit",
        date(2025, 5, 1),
        15_000_000,
        "JMO app: JHT claims fully online up to Rp 15.000.000 since May 2025 (suaradermayu, mataberita, "
        "transpantura; rulebook §4.1 [H])",
    ),
)

TABLE = ParamTable(ROWS)
