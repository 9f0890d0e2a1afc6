"""Tests of `jamsos demo-data`: reproducible, valid, realistic rows and safe re-runs."""

import bisect
import io
import itertools
import re
from collections import defaultdict
from datetime import date
from typing import Any, cast

import pytest
from django.contrib.auth.hashers import check_password
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Min
from django.test import override_settings

from jamsos.cli import demodata
from jamsos.core import clock
from jamsos.employers.models import Employer, Industry, RiskClass
from jamsos.identity.models import User
from jamsos.members.models import EmploymentPeriod, EmploymentWage, Member, MemberStatus, Segment
from jamsos.reference import data
from jamsos.reference.models import Branch, MinimumWage, Region
from jamsos.rules import identifiers

pytestmark = pytest.mark.django_db

MEMBERS = 120
SEED = 7
CHUNK = 50  # several chunks, so the chunk boundaries are exercised too

LABOUR_INTENSIVE = {
    Industry.FOOD_BEVERAGE_TOBACCO,
    Industry.TEXTILE,
    Industry.LEATHER,
    Industry.FOOTWEAR,
    Industry.TOYS,
    Industry.FURNITURE,
}


def load(**options: object) -> str:
    out = io.StringIO()
    options.setdefault("members", MEMBERS)
    options.setdefault("seed", SEED)
    options.setdefault("chunk_size", CHUNK)
    call_command("demo_data", stdout=out, **options)
    return out.getvalue()


def snapshot() -> tuple[list[Any], list[Any], list[Any]]:
    """Every generated column except database ids, in a stable order."""
    members = list(
        Member.objects.order_by("kpj").values_list(
            "kpj",
            "nik",
            "full_name",
            "birth_date",
            "sex",
            "mother_maiden_name_hash",
            "address",
            "phone",
            "email",
            "segment",
            "status",
            "occupation",
            "declared_income",
            "registered_on",
        )
    )
    wages = list(
        EmploymentWage.objects.order_by(
            "period__member__kpj", "period__started_on", "valid_from"
        ).values_list(
            "period__member__kpj",
            "period__employer__npp",
            "period__started_on",
            "period__ended_on",
            "period__leaving_reason",
            "valid_from",
            "monthly_wage",
        )
    )
    employers = list(
        Employer.objects.order_by("npp").values_list(
            "npp",
            "name",
            "npwp",
            "risk_class",
            "industry",
            "address",
            "branch__code",
            "region__code",
            "registered_on",
        )
    )
    return members, wages, employers


def history_end(period: EmploymentPeriod, today: date) -> date:
    return period.ended_on or today


def test_the_same_seed_gives_identical_rows() -> None:
    load()
    first = snapshot()
    demodata._mother_name_hashes.cache_clear()  # the hashes must repeat too, not just be cached
    load(reset=True)
    second = snapshot()

    assert second == first
    assert len(first[0]) == MEMBERS
    assert len(first[1]) > MEMBERS  # yearly wages of histories of up to 30 years


def test_another_seed_gives_other_members() -> None:
    load()
    first = set(Member.objects.values_list("kpj", flat=True))
    # A cheap hasher: a new seed means a new pool of Argon2 hashes, and this test is not about them.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        load(reset=True, seed=SEED + 1)
    second = set(Member.objects.values_list("kpj", flat=True))

    assert len(second) == MEMBERS
    assert first.isdisjoint(second)


def test_every_nik_parses_and_agrees_with_birth_date_and_sex() -> None:
    load()
    region_codes = {r.code for r in data.REGIONS}
    members = list(Member.objects.all())

    for member in members:
        parsed = identifiers.parse_nik(member.nik, today=clock.today())
        assert (
            identifiers.nik_disagreements(
                parsed, birth_date=member.birth_date, sex=cast(identifiers.Sex, member.sex)
            )
            == []
        )
        assert parsed.regency_code in region_codes
    assert len(members) == MEMBERS


def test_one_nik_is_one_person() -> None:
    load()
    people: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for row in Member.objects.values_list(
        "nik", "full_name", "birth_date", "sex", "address", "phone", "email", "mother_maiden_name_hash"
    ):
        people[row[0]].add(row[1:])

    assert all(len(details) == 1 for details in people.values())


def test_every_member_and_period_passes_full_clean() -> None:
    load()
    members = list(Member.objects.order_by("kpj"))
    periods = list(EmploymentPeriod.objects.select_related("member").order_by("id")[:60])

    for member in members:
        member.full_clean()
    for period in periods:
        period.full_clean()
    assert len(members) == MEMBERS
    assert len(periods) == 60


def test_wages_never_fall_below_the_minimum_wage_in_force() -> None:
    load()
    minimum: dict[int, tuple[list[date], list[int]]] = defaultdict(lambda: ([], []))
    for region_id, valid_from, amount in MinimumWage.objects.order_by("region_id", "valid_from").values_list(
        "region_id", "valid_from", "amount"
    ):
        minimum[region_id][0].append(valid_from)
        minimum[region_id][1].append(amount)
    wages = list(
        EmploymentWage.objects.order_by("period_id", "valid_from").values_list(
            "period_id", "period__employer__region_id", "valid_from", "monthly_wage"
        )
    )

    previous: dict[int, int] = {}
    for period_id, region_id, valid_from, wage in wages:
        dates, amounts = minimum[region_id]
        index = bisect.bisect_right(dates, valid_from) - 1
        assert index >= 0, f"no minimum wage in force on {valid_from}"
        assert wage >= amounts[index]
        assert wage % 1000 == 0
        assert wage >= previous.get(period_id, 0)  # wages only grow within a period
        previous[period_id] = wage
    assert len(wages) > MEMBERS


def test_each_period_has_a_wage_from_its_start_and_one_each_january() -> None:
    load()
    today = clock.today()
    wages: dict[int, list[date]] = defaultdict(list)
    for period_id, valid_from in EmploymentWage.objects.order_by("valid_from").values_list(
        "period_id", "valid_from"
    ):
        wages[period_id].append(valid_from)

    for period in EmploymentPeriod.objects.all():
        end = history_end(period, today)
        expected = [period.started_on] + [
            date(y, 1, 1) for y in range(period.started_on.year + 1, end.year + 1)
        ]
        assert wages[period.pk] == expected


def test_wage_earner_histories_last_one_to_thirty_years() -> None:
    load()
    today = clock.today()
    thirty_years_ago = date(
        today.year - 30, today.month, 28 if (today.month, today.day) == (2, 29) else today.day
    )
    periods: dict[int, list[EmploymentPeriod]] = defaultdict(list)
    for period in EmploymentPeriod.objects.order_by("started_on"):
        periods[period.member_id].append(period)
    wage_earners = list(Member.objects.filter(segment=Segment.WAGE_EARNER))

    for member in wage_earners:
        history = periods[member.pk]
        assert history, f"{member.kpj} has no employment period"
        start, end = history[0].started_on, history_end(history[-1], today)
        assert (end - start).days >= 365
        assert start > thirty_years_ago
        for earlier, later in itertools.pairwise(history):
            assert earlier.ended_on is not None
            assert earlier.ended_on < later.started_on  # one employer at a time
        for period in history:
            assert (history_end(period, today) - period.started_on).days >= 365
        assert member.registered_on == start
    assert len(wage_earners) > MEMBERS // 2


def test_status_follows_employment() -> None:
    load()
    open_periods = set(
        EmploymentPeriod.objects.filter(ended_on__isnull=True).values_list("member_id", flat=True)
    )
    last_reason = {}
    for member_id, reason in EmploymentPeriod.objects.order_by("started_on").values_list(
        "member_id", "leaving_reason"
    ):
        last_reason[member_id] = reason
    wage_earners = list(Member.objects.filter(segment=Segment.WAGE_EARNER))

    for member in wage_earners:
        if member.pk in open_periods:
            assert member.status == MemberStatus.ACTIVE
        else:
            assert member.status in {MemberStatus.INACTIVE, MemberStatus.DECEASED}
        if member.status == MemberStatus.DECEASED:
            assert last_reason[member.pk] == "death"
    statuses = {member.status for member in wage_earners}
    assert {MemberStatus.ACTIVE, MemberStatus.INACTIVE} <= statuses
    assert Member.objects.filter(status=MemberStatus.ACTIVE).count() > MEMBERS // 2


def test_self_employed_declare_an_income_and_have_no_employment() -> None:
    load()
    self_employed = list(Member.objects.filter(segment=Segment.SELF_EMPLOYED))
    wage_earner_incomes = set(
        Member.objects.filter(segment=Segment.WAGE_EARNER).values_list("declared_income", flat=True)
    )

    assert self_employed
    for member in self_employed:
        assert member.declared_income is not None
        assert member.declared_income >= 1_000_000
        assert member.declared_income % 100_000 == 0
        assert member.occupation in demodata.SELF_EMPLOYED_OCCUPATIONS
    assert not EmploymentPeriod.objects.filter(member__segment=Segment.SELF_EMPLOYED).exists()
    assert wage_earner_incomes == {None}


def test_some_nik_holds_several_kpj_numbers_one_per_past_employer() -> None:
    load()
    shared = list(
        Member.objects.values("nik").annotate(kpjs=Count("id")).filter(kpjs__gt=1).values_list("nik", "kpjs")
    )

    assert shared
    for nik, kpjs in shared:
        rows = list(Member.objects.filter(nik=nik).order_by("registered_on"))
        assert len(rows) == kpjs <= demodata.MAX_KPJ_PER_PERSON
        assert sum(1 for m in rows if m.status == MemberStatus.ACTIVE) <= 1
        assert all(m.status != MemberStatus.ACTIVE for m in rows[:-1])  # only the latest KPJ can be in use
        assert all(EmploymentPeriod.objects.filter(member=m).exists() for m in rows)


def test_employers_cover_the_risk_classes_and_labour_intensive_industries() -> None:
    load()
    employers = list(Employer.objects.select_related("branch", "region"))
    areas = {b.code: set(b.area) for b in data.BRANCHES}
    first_start = dict(
        EmploymentPeriod.objects.values("employer_id")
        .annotate(first=Min("started_on"))
        .values_list("employer_id", "first")
    )

    assert len(employers) == demodata.MIN_EMPLOYERS
    assert {e.risk_class for e in employers} == set(RiskClass.values)
    assert {e.industry for e in employers} >= LABOUR_INTENSIVE
    assert len({e.npp for e in employers}) == len(employers)
    for employer in employers:
        assert re.fullmatch(r"\d{8}", employer.npp)
        assert employer.npwp == "" or re.fullmatch(r"0\d{15}", employer.npwp)
        assert employer.region.code in areas[employer.branch.code]
        if employer.pk in first_start:
            assert employer.registered_on <= first_start[employer.pk]
        employer.full_clean()


def test_one_employer_per_twenty_members_at_scale() -> None:
    assert demodata.employer_count(200) == 10
    assert demodata.employer_count(60) == 10
    assert demodata.employer_count(100_000) == 5000


def test_contact_details_are_valid_and_obviously_demo() -> None:
    load()
    rows = list(Member.objects.values_list("phone", "email"))

    phones = [phone for phone, _email in rows if phone]
    emails = [email for _phone, email in rows if email]
    assert phones
    assert emails
    for phone in phones:
        assert identifiers.normalize_mobile(phone) == phone
        assert phone.startswith("+628")
    for email in emails:
        assert email.rsplit("@", 1)[1] in demodata.EMAIL_DOMAINS


def test_mothers_maiden_name_follows_the_documented_rule() -> None:
    load()
    member = Member.objects.order_by("kpj").first()
    assert member is not None

    assert member.check_mother_maiden_name(demodata.demo_mother_maiden_name(member.nik))
    assert member.check_mother_maiden_name(demodata.demo_mother_maiden_name(member.nik).upper())
    assert not member.check_mother_maiden_name("Kartini")


def test_reference_rows_are_upserted_not_duplicated() -> None:
    load()
    first = (Region.objects.count(), MinimumWage.objects.count(), Branch.objects.count())
    load(reset=True)
    second = (Region.objects.count(), MinimumWage.objects.count(), Branch.objects.count())

    years = demodata.LAST_MINIMUM_WAGE_YEAR - demodata.FIRST_MINIMUM_WAGE_YEAR + 1
    assert first == second == (len(data.REGIONS), len(data.REGIONS) * years, len(data.BRANCHES))


def test_reference_rows_hold_the_expected_figures() -> None:
    load()
    depok = Region.objects.get(code="3276")
    jakarta_2025 = MinimumWage.objects.get(region__code="3173", valid_from=date(2025, 1, 1))
    derived = MinimumWage.objects.get(region__code="3273", valid_from=date(2010, 1, 1))

    assert depok.name == "Kota Depok"
    assert depok.minimum_wage_on(date(2025, 6, 1)) == 5_195_721
    assert jakarta_2025.amount == 5_396_761
    assert derived.source.startswith("demo: derived")
    assert not MinimumWage.objects.exclude(source__startswith="demo:").exists()
    assert MinimumWage.objects.filter(valid_from=date(1995, 1, 1)).count() == len(data.REGIONS)
    assert {"Depok", "Jakarta Salemba", "Bandung", "Surabaya", "Medan"} <= set(
        Branch.objects.values_list("name", flat=True)
    )
    for branch in Branch.objects.all():
        branch.full_clean()


def test_if_empty_changes_nothing_on_a_second_run() -> None:
    load()
    before = snapshot(), User.objects.count(), MinimumWage.objects.count()

    out = load(if_empty=True, seed=SEED + 1, members=30)

    # The rows are left alone; only the demo logins are checked and printed again
    # (test_demo_logins.py covers them).
    assert out.startswith(f"The database already has {MEMBERS} members: demo data not loaded.\nDemo logins\n")
    assert (snapshot(), User.objects.count(), MinimumWage.objects.count()) == before


def test_a_second_run_without_a_flag_is_refused_and_changes_nothing() -> None:
    load()
    before = snapshot()

    with pytest.raises(CommandError, match=f"already has {MEMBERS} members"):
        load(seed=SEED + 1)

    assert snapshot() == before


@pytest.mark.parametrize("members", [0, -5])
def test_fewer_than_one_member_is_refused(members: int) -> None:
    with pytest.raises(CommandError, match=r"--members must be at least 1"):
        load(members=members)

    assert not Member.objects.exists()
    assert not Region.objects.exists()
    assert not User.objects.exists()


def test_refused_in_production() -> None:
    with override_settings(JAMSOS_ENV="production"), pytest.raises(CommandError, match="never loaded"):
        load()

    assert not Member.objects.exists()
    assert not User.objects.exists()


def test_creates_the_demo_officer_once_and_prints_the_logins_without_nik() -> None:
    out = load()
    officer = User.objects.get(username=demodata.DEMO_OFFICER_USERNAME)
    officer.set_password("changed-by-a-tester")
    officer.save()

    second = load(reset=True)

    officer.refresh_from_db()
    assert officer.is_superuser
    assert officer.is_staff
    assert check_password("changed-by-a-tester", officer.password)
    assert User.objects.count() == 3  # the officer, the demo member and the demo employer staff
    assert "Demo logins" in out
    assert "http://127.0.0.1:8000/petugas/admin/" in out
    assert "officer: user petugas  password jamsos-demo-2026" in out
    assert "officer: user petugas  (its password was changed since and is left alone)" in second
    printed = re.findall(r"member KPJ (\d{11})", out)
    assert len(printed) >= 3
    assert Member.objects.filter(kpj__in=printed).count() == len(printed)
    assert not any(nik in out for nik in Member.objects.values_list("nik", flat=True))
    assert f"members: {MEMBERS} (" in out
