"""Demo data: reference rows, employers and members with up to 30 years of history.

`jamsos demo-data` calls `load_demo_data`. Every choice is drawn from one
`random.Random(seed)` and one Faker("id_ID") seeded with the same seed, always in the same
order, so the same seed on the same day gives the same rows (the day matters because
histories run up to today). Rows are generated a chunk of members at a time and written in
bulk: COPY on PostgreSQL, bulk_create elsewhere. The loader bypasses the domain actions on
purpose: it fills a blank demo database where there is nobody to notify and nothing to
audit, and one action per row would take hours for 100,000 members (a per-row save()
measured 0.008 x COPY, shared/performance.md).
"""

from __future__ import annotations

import bisect
import hashlib
import math
import os
import random
import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, models, reset_queries, transaction
from faker import Faker

from jamsos.core import clock
from jamsos.employers.models import Employer, Industry, RiskClass
from jamsos.identity import demo
from jamsos.identity.models import User, UserKind
from jamsos.members.models import (
    EmploymentPeriod,
    EmploymentWage,
    LeavingReason,
    Member,
    MemberStatus,
    Segment,
    normalize_secret_answer,
)
from jamsos.reference import data
from jamsos.reference.data import RegionData
from jamsos.reference.models import Branch, MinimumWage, Region
from jamsos.rules import identifiers

# Minimum wages: one row a year, valid from 1 January. Only the 2025 figure of each region is
# taken from data.py; the other years are derived at a stated growth and say so in `source`.
FIRST_MINIMUM_WAGE_YEAR = 1995
LAST_MINIMUM_WAGE_YEAR = 2026
GROWTH_BREAK_YEAR = 2013  # minimum wages rose much faster before 2013 than after
GROWTH_FROM_2013 = Decimal("0.08")
GROWTH_BEFORE_2013 = Decimal("0.15")
GROWTH_2026 = Decimal("0.062")
ANCHOR_SOURCE = "demo: approximate 2025 figure, not an official source"
DERIVED_SOURCE_BACK = "demo: derived, 2025 figure less 8 % a year to 2013 and 15 % a year before"
DERIVED_SOURCE_2026 = "demo: derived, 2025 figure plus 6.2 %"

MEMBERS_PER_EMPLOYER = 20
MIN_EMPLOYERS = 10
CHUNK_SIZE = 5000
SELF_EMPLOYED_SHARE = 0.15
SEVERAL_KPJ_SHARE = 0.03  # of persons; a quota, so even a small run has at least one
MAX_KPJ_PER_PERSON = 3
MIN_PERIOD_DAYS = 365  # every period lasts a year or more, so every history is 1 to 30 years
MAX_HISTORY_DAYS = 30 * 365  # under 30 calendar years whatever the leap days
MAX_NIK_DISTRICT = 20

# The published demo logins (one password for all three); the command refuses to run with
# JAMSOS_ENV=production. The usernames live in jamsos.identity.demo, which /dev/outbox reads too.
DEMO_PASSWORD = "jamsos-demo-2026"  # noqa: S105
DEMO_OFFICER_USERNAME = demo.DEMO_OFFICER_USERNAME
DEMO_OFFICER_PASSWORD = DEMO_PASSWORD
DEMO_OFFICER_EMAIL = "petugas@example.com"
DEMO_MEMBER_USERNAME = demo.DEMO_MEMBER_USERNAME
DEMO_MEMBER_EMAIL = "anggota@example.com"  # when the chosen member has no email of their own
DEMO_MEMBER_PHONE = "+6281200000001"  # when the chosen member has no mobile number
DEMO_EMPLOYER_USERNAME = demo.DEMO_EMPLOYER_USERNAME
DEMO_EMPLOYER_EMAIL = "pemberi-kerja@example.com"
DEMO_EMPLOYER_PHONE = "+6281200000002"
DEMO_EMPLOYER_NAME = ("Rina", "Kusuma")
DEMO_OFFICER_NAME = ("Petugas", "Demo")

# RFC 2606 reserves these domains: mail to a demo member can never reach a real person.
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
# Indonesian mobile prefixes (Telkomsel, Indosat, XL, Tri, Smartfren) after the +62.
MOBILE_PREFIXES = ("811", "812", "813", "821", "822", "852", "853", "814", "815", "816", "855", "856", "857")
MOBILE_PREFIXES_MORE = ("858", "817", "818", "819", "859", "877", "878", "895", "896", "897", "898", "881")

# The mother's maiden name of every demo member follows from the last two digits of the NIK
# (first name from the second-to-last digit, second name from the last), so testers can
# answer the question without reading a hash; docs/demo-data.md prints the table.
MOTHER_FIRST_NAMES = ("Siti", "Sri", "Nur", "Dewi", "Ratna", "Endang", "Wati", "Yuni", "Rini", "Tuti")
MOTHER_SECOND_NAMES = (
    "Aminah",
    "Rahayu",
    "Hasanah",
    "Lestari",
    "Wulandari",
    "Suryani",
    "Handayani",
    "Kusumawati",
    "Maryati",
    "Purwanti",
)

SELF_EMPLOYED_OCCUPATIONS = (
    "Pedagang pasar",
    "Pedagang keliling",
    "Petani",
    "Buruh tani",
    "Nelayan",
    "Peternak",
    "Pengemudi ojek daring",
    "Sopir angkutan umum",
    "Kurir lepas",
    "Penjahit",
    "Tukang bangunan",
    "Pemilik warung",
    "Penjual makanan daring",
    "Montir",
    "Pengrajin",
    "Penata rambut",
    "Perias pengantin",
    "Fotografer lepas",
    "Guru les privat",
    "Pekerja rumah tangga",
)

# Per industry: words for the company name and the plausible risk classes (the first is used
# on the first pass through the industries, so a small run still covers all five classes).
INDUSTRY_PROFILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Industry.FOOD_BEVERAGE_TOBACCO: (
        ("Pangan", "Boga", "Roti", "Minuman", "Tembakau"),
        (RiskClass.LOW, RiskClass.MEDIUM),
    ),
    Industry.TEXTILE: (("Tekstil", "Garmen", "Konveksi", "Busana"), (RiskClass.MEDIUM, RiskClass.LOW)),
    Industry.LEATHER: (("Kulit", "Tas Kulit", "Samak"), (RiskClass.MEDIUM,)),
    Industry.FOOTWEAR: (("Sepatu", "Alas Kaki"), (RiskClass.MEDIUM, RiskClass.LOW)),
    Industry.TOYS: (("Mainan", "Boneka"), (RiskClass.LOW, RiskClass.MEDIUM)),
    Industry.FURNITURE: (("Mebel", "Furnitur", "Kayu"), (RiskClass.HIGH, RiskClass.MEDIUM)),
    Industry.CONSTRUCTION: (("Konstruksi", "Bangun", "Beton"), (RiskClass.VERY_HIGH, RiskClass.HIGH)),
    Industry.FINANCE: (("Finansial", "Asuransi", "Modal"), (RiskClass.VERY_LOW,)),
    Industry.TRANSPORT: (("Logistik", "Transportasi", "Ekspedisi"), (RiskClass.HIGH, RiskClass.MEDIUM)),
    Industry.TRADE: (("Niaga", "Dagang", "Swalayan"), (RiskClass.LOW, RiskClass.VERY_LOW)),
    Industry.MINING: (("Tambang", "Mineral", "Batu Bara"), (RiskClass.VERY_HIGH,)),
    Industry.MANUFACTURING: (
        ("Industri", "Plastik", "Logam", "Elektronik"),
        (RiskClass.MEDIUM, RiskClass.HIGH),
    ),
    Industry.INFORMATION: (("Digital", "Teknologi", "Media"), (RiskClass.VERY_LOW,)),
    Industry.HEALTH: (("Medika", "Husada", "Farma"), (RiskClass.LOW, RiskClass.VERY_LOW)),
    Industry.EDUCATION: (("Pendidikan", "Edukasi", "Cendekia"), (RiskClass.VERY_LOW,)),
    Industry.HOSPITALITY: (("Hotel", "Kuliner", "Rasa"), (RiskClass.LOW,)),
    Industry.AGRICULTURE: (("Agro", "Perkebunan", "Tani"), (RiskClass.HIGH, RiskClass.MEDIUM)),
    Industry.SERVICES: (("Jasa", "Layanan", "Solusi"), (RiskClass.VERY_LOW, RiskClass.LOW)),
}
COMPANY_WORDS = (
    "Sinar",
    "Maju",
    "Karya",
    "Mitra",
    "Sentosa",
    "Jaya",
    "Makmur",
    "Abadi",
    "Sejahtera",
    "Mandiri",
    "Cahaya",
    "Bumi",
    "Nusantara",
    "Putra",
    "Indah",
    "Gemilang",
    "Prima",
    "Utama",
    "Sukses",
    "Harapan",
    "Berkah",
    "Lestari",
    "Mulia",
    "Perkasa",
)

# Columns the generator fills, in the order of its row tuples.
MEMBER_FIELDS = (
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
    "nik_mismatch_note",
)
PERIOD_FIELDS = ("member_id", "employer_id", "started_on", "ended_on", "leaving_reason")
WAGE_FIELDS = ("period_id", "valid_from", "monthly_wage")

MemberRow = tuple[Any, ...]
PeriodRow = tuple[int, int, date, date | None, str]  # member index in the chunk, employer id, ...
WageRow = tuple[int, date, int]  # period index in the chunk, valid from, monthly wage
Progress = Callable[[int, int], None]


def demo_mother_maiden_name(nik: str) -> str:
    """The plaintext of a demo member's mother's maiden name (the rule in docs/demo-data.md)."""
    return f"{MOTHER_FIRST_NAMES[int(nik[-2])]} {MOTHER_SECOND_NAMES[int(nik[-1])]}"


def minimum_wage_history(region: RegionData) -> list[tuple[int, int, str]]:
    """(year, amount, source) from 1995 to 2026, derived from the region's 2025 figure."""
    anchor_year = data.MINIMUM_WAGE_ANCHOR_YEAR
    amounts = {anchor_year: Decimal(region.minimum_wage_2025)}
    for year in range(anchor_year - 1, FIRST_MINIMUM_WAGE_YEAR - 1, -1):
        growth = GROWTH_FROM_2013 if year >= GROWTH_BREAK_YEAR else GROWTH_BEFORE_2013
        amounts[year] = amounts[year + 1] / (1 + growth)
    for year in range(anchor_year + 1, LAST_MINIMUM_WAGE_YEAR + 1):
        amounts[year] = amounts[year - 1] * (1 + GROWTH_2026)
    rows = []
    for year in range(FIRST_MINIMUM_WAGE_YEAR, LAST_MINIMUM_WAGE_YEAR + 1):
        amount = int(amounts[year].quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if year == anchor_year:
            source = ANCHOR_SOURCE
        elif year > anchor_year:
            source = DERIVED_SOURCE_2026
        else:
            source = DERIVED_SOURCE_BACK
        rows.append((year, amount, source))
    return rows


@dataclass(frozen=True)
class ReferenceSummary:
    regions: int
    minimum_wages: int
    branches: int


def upsert_reference_data() -> ReferenceSummary:
    """Writes the regions, their minimum wages and the branches; a second run updates in place."""
    Region.objects.bulk_create(
        [Region(code=r.code, name=r.name, province=r.province) for r in data.REGIONS],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "province"],
    )
    region_ids = dict(
        Region.objects.filter(code__in=[r.code for r in data.REGIONS]).values_list("code", "id")
    )
    wages = [
        MinimumWage(region_id=region_ids[r.code], valid_from=date(year, 1, 1), amount=amount, source=source)
        for r in data.REGIONS
        for year, amount, source in minimum_wage_history(r)
    ]
    MinimumWage.objects.bulk_create(
        wages,
        update_conflicts=True,
        unique_fields=["region", "valid_from"],
        update_fields=["amount", "source"],
    )
    Branch.objects.bulk_create(
        [
            Branch(
                code=b.code,
                name=b.name,
                city=b.city,
                province=b.province,
                address=b.address,
                phone=b.phone,
                weekday_hours=b.weekday_hours,
                saturday_hours=b.saturday_hours,
            )
            for b in data.BRANCHES
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "city", "province", "address", "phone", "weekday_hours", "saturday_hours"],
    )
    return ReferenceSummary(len(data.REGIONS), len(wages), len(data.BRANCHES))


@dataclass(frozen=True)
class DemoLogin:
    """One published demo login, as the command prints it."""

    role: str  # "member", "employer" or "officer"
    login: str  # what to type on /masuk/: a KPJ number or a username
    created: bool  # False when the account existed (its password is left alone)
    password_unchanged: bool  # the published password still works (checked, not assumed)
    kpj_count: int = 0  # member: how many KPJ numbers the login covers
    npp: str = ""  # employer: the employer the staff account will be linked to


def _ensure_verified_email(user: User, email: str) -> None:
    """A verified primary address: ACCOUNT_EMAIL_VERIFICATION is mandatory, so without one the
    sign-in cannot finish."""
    if EmailAddress.objects.filter(user=user, verified=True).exists():
        return
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        address = EmailAddress(user=user, email=email)
    address.verified = True
    address.primary = not EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).exists()
    address.save()
    if not user.email:
        user.email = email
        user.save(update_fields=["email"])


def _ensure_phone(user: User, phone: str) -> None:
    """A verified mobile number, the SMS code's destination (members and employer staff)."""
    if user.phone and user.phone_verified:
        return
    user.phone = user.phone or phone
    user.phone_verified = True
    user.save(update_fields=["phone", "phone_verified"])


def _new_user(username: str, kind: UserKind, email: str, name: tuple[str, str], **fields: Any) -> User:
    user = User(username=username, kind=kind, email=email, first_name=name[0], last_name=name[1], **fields)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def ensure_demo_officer() -> DemoLogin:
    """The demo officer: a superuser of kind officer with a verified email and a TOTP app.

    Officers never get SMS codes, so the officer gets an authenticator whose secret is drawn once,
    stored encrypted by the MFA adapter, and whose current code /dev/outbox shows (demo accounts
    only). An existing account keeps its password; a missing email or authenticator is added.
    """
    user = User.objects.filter(username=DEMO_OFFICER_USERNAME).first()
    created = user is None
    if user is None:
        user = _new_user(
            DEMO_OFFICER_USERNAME,
            UserKind.OFFICER,
            DEMO_OFFICER_EMAIL,
            DEMO_OFFICER_NAME,
            is_staff=True,
            is_superuser=True,
        )
    elif user.kind != UserKind.OFFICER:  # made by an older demo-data, before users had kinds
        user.kind = UserKind.OFFICER
        user.save(update_fields=["kind"])
    _ensure_verified_email(user, DEMO_OFFICER_EMAIL)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    return DemoLogin("officer", DEMO_OFFICER_USERNAME, created, user.check_password(DEMO_PASSWORD))


def _demo_member_choice(login: User | None) -> Member | None:
    """The member whose person gets the demo login: the first active KPJ (by number) of a person
    holding several, so the demo shows one login covering them all; else the first active KPJ.
    A person with an account of their own (other than `login`) is never chosen."""
    others = User.objects.exclude(nik="")
    taken_niks = (others.exclude(pk=login.pk) if login else others).values("nik")
    candidates = Member.objects.filter(status=MemberStatus.ACTIVE, user__isnull=True).exclude(
        nik__in=taken_niks
    )
    several = Member.objects.values("nik").annotate(kpjs=models.Count("id")).filter(kpjs__gt=1).values("nik")
    return candidates.filter(nik__in=several).order_by("kpj").first() or candidates.order_by("kpj").first()


def ensure_demo_member() -> DemoLogin | None:
    """A member login linked to every KPJ of one demo person; None when there are no members.

    After `--reset` the old person is gone, so an existing login without memberships is moved
    to a new person (its password is kept).
    """
    user = User.objects.filter(username=DEMO_MEMBER_USERNAME).first()
    created = user is None
    if user is None or not user.memberships.exists():
        member = _demo_member_choice(user)
        if member is None:
            return None
        if user is None:
            user = _new_user(
                DEMO_MEMBER_USERNAME,
                UserKind.MEMBER,
                member.email or DEMO_MEMBER_EMAIL,
                (member.full_name, ""),
                nik=member.nik,
                phone=member.phone or DEMO_MEMBER_PHONE,
                phone_verified=True,
            )
        else:
            user.nik, user.first_name, user.last_name = member.nik, member.full_name, ""
            user.save(update_fields=["nik", "first_name", "last_name"])
        Member.objects.filter(nik=member.nik).update(user=user)
    _ensure_phone(user, DEMO_MEMBER_PHONE)
    _ensure_verified_email(user, user.email or DEMO_MEMBER_EMAIL)
    memberships = user.memberships.order_by("kpj")
    # The KPJ printed is an active one: the member sees a current account after signing in.
    shown = memberships.filter(status=MemberStatus.ACTIVE).first() or memberships.first()
    assert shown is not None
    return DemoLogin(
        "member", shown.kpj, created, user.check_password(DEMO_PASSWORD), kpj_count=memberships.count()
    )


def ensure_demo_employer_staff() -> DemoLogin:
    """A user of kind employer (the link to an employer comes with the employer pages)."""
    user = User.objects.filter(username=DEMO_EMPLOYER_USERNAME).first()
    created = user is None
    if user is None:
        user = _new_user(
            DEMO_EMPLOYER_USERNAME,
            UserKind.EMPLOYER,
            DEMO_EMPLOYER_EMAIL,
            DEMO_EMPLOYER_NAME,
            phone=DEMO_EMPLOYER_PHONE,
            phone_verified=True,
        )
    _ensure_phone(user, DEMO_EMPLOYER_PHONE)
    _ensure_verified_email(user, DEMO_EMPLOYER_EMAIL)
    npp = Employer.objects.order_by("npp").values_list("npp", flat=True).first() or ""
    return DemoLogin("employer", DEMO_EMPLOYER_USERNAME, created, user.check_password(DEMO_PASSWORD), npp=npp)


def ensure_demo_logins() -> list[DemoLogin]:
    """The three published logins (member, employer staff, officer), each able to sign in end to
    end; created when missing, completed when a factor or verified email is missing, otherwise
    left alone. Idempotent, so `--if-empty` can call it on every `make demo`."""
    with transaction.atomic():
        member = ensure_demo_member()
        logins = [member] if member else []
        return [*logins, ensure_demo_employer_staff(), ensure_demo_officer()]


def delete_demo_data() -> int:
    """Deletes every member, employment period, wage and employer; returns the members deleted.

    Plain DELETE statements, children first: the ORM's delete() would load every row to
    follow the PROTECT and CASCADE relations. Another table that still refers to a member
    or an employer makes the DELETE fail rather than lose its rows.
    """
    deleted_members = 0
    with connection.cursor() as cursor:
        for model in (EmploymentWage, EmploymentPeriod, Member, Employer):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a table name from the model, no input
            if model is Member:
                deleted_members = cursor.rowcount
    return deleted_members


@lru_cache(maxsize=4)
def _mother_name_hashes(seed: int, hasher: str) -> tuple[str, ...]:
    """The hashed mother's names, index 10 * second-to-last NIK digit + last digit.

    One Argon2 hash costs about 20 to 40 ms, so the 100 names are hashed once, in threads
    (argon2-cffi releases the GIL), and reused by every member. The salts follow from the
    seed so the hashes, like every other column, are the same for the same seed; `hasher`
    is only part of the cache key, so a changed PASSWORD_HASHERS setting is not served stale.
    """
    plaintexts = [f"{first} {second}" for first in MOTHER_FIRST_NAMES for second in MOTHER_SECOND_NAMES]

    def hash_one(index: int) -> str:
        salt = hashlib.sha256(f"jamsos-demo-mother:{seed}:{index}".encode()).hexdigest()[:22]
        return make_password(normalize_secret_answer(plaintexts[index]), salt=salt)

    # One thread per core: each hash holds 19 MiB while it runs, which sets the peak memory.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return tuple(pool.map(hash_one, range(len(plaintexts))))


def _coprime_multiplier(rng: random.Random, modulus: int) -> int:
    while True:
        candidate = rng.randrange(modulus // 3, modulus)
        if math.gcd(candidate, modulus) == 1:
            return candidate


def _random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _ceil_thousand(amount: int) -> int:
    return -(-amount // 1000) * 1000


@dataclass
class _EmployerPool:
    """Employers sorted by registration date with cumulative size weights, for bisecting."""

    ids: list[int] = field(default_factory=list)
    registered: list[date] = field(default_factory=list)
    region_codes: list[str] = field(default_factory=list)
    cumulative: list[float] = field(default_factory=list)

    def add(self, employer_id: int, registered_on: date, region_code: str, weight: float) -> None:
        self.ids.append(employer_id)
        self.registered.append(registered_on)
        self.region_codes.append(region_code)
        self.cumulative.append((self.cumulative[-1] if self.cumulative else 0.0) + weight)


@dataclass
class Chunk:
    """One batch of generated rows; periods and wages point at rows of the same chunk."""

    members: list[MemberRow] = field(default_factory=list)
    periods: list[PeriodRow] = field(default_factory=list)
    wages: list[WageRow] = field(default_factory=list)


@dataclass
class LoadSummary:
    reference: ReferenceSummary | None = None
    deleted_members: int = 0
    employers: int = 0
    members: int = 0
    wage_earners: int = 0
    self_employed: int = 0
    statuses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MemberStatus.values, 0))
    persons: int = 0
    persons_with_several_kpj: int = 0
    periods: int = 0
    wages: int = 0
    logins: list[DemoLogin] = field(default_factory=list)
    sample_kpj: list[tuple[str, str]] = field(default_factory=list)  # (KPJ, description)
    seconds: float = 0.0


class DemoGenerator:
    """Draws employers and members; holds only what uniqueness needs across chunks."""

    def __init__(self, *, seed: int, today: date, mother_hashes: Sequence[str]) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("id_ID")
        self.fake.seed_instance(seed)
        self.today = today
        self.mother_hashes = mother_hashes
        self.regions = {r.code: r for r in data.REGIONS}
        self.region_codes = [r.code for r in data.REGIONS]
        self.minimum_wages = {
            r.code: [amount for _year, amount, _source in minimum_wage_history(r)] for r in data.REGIONS
        }
        self.kpj_multiplier = _coprime_multiplier(self.rng, 9 * 10**10)
        self.kpj_offset = self.rng.randrange(9 * 10**10)
        self.kpj_count = 0
        self.niks: set[str] = set()
        self.by_region: dict[str, _EmployerPool] = {}
        self.everywhere = _EmployerPool()
        self.home_regions: list[str] = []
        self.home_weights: list[int] = []
        self.summary = LoadSummary()

    # Employers -------------------------------------------------------------------------

    def employers(self, count: int, taken_npps: set[str]) -> list[Employer]:
        """`count` unsaved employers; NPPs avoid `taken_npps`, names are unique in the run."""
        rng = self.rng
        npp_multiplier = _coprime_multiplier(rng, 9 * 10**7)
        npp_offset = rng.randrange(9 * 10**7)
        npp_index = 0
        industries = self._industry_order()
        branches = list(data.BRANCHES)
        branch_ids = dict(
            Branch.objects.filter(code__in=[b.code for b in branches]).values_list("code", "id")
        )
        region_ids = dict(Region.objects.filter(code__in=self.region_codes).values_list("code", "id"))
        names: set[str] = set()
        result = []
        for index in range(count):
            # The first pass follows the listed order, so a 10-employer run still has the
            # named branches, the six labour-intensive industries and all five risk classes.
            cycle, position = divmod(index, len(industries))
            if position == 0 and cycle > 0:
                rng.shuffle(industries)
            industry = industries[position]
            branch_cycle, branch_position = divmod(index, len(branches))
            if branch_position == 0 and branch_cycle > 0:
                rng.shuffle(branches)
            branch = branches[branch_position]
            words, risk_classes = INDUSTRY_PROFILES[industry]
            risk_class = risk_classes[0] if cycle == 0 else rng.choice(risk_classes)
            region = self.regions[rng.choice(branch.area)]
            while True:
                npp = str(10**7 + (npp_multiplier * npp_index + npp_offset) % (9 * 10**7))
                npp_index += 1
                if npp not in taken_npps:
                    break
            name = self._company_name(industry, words, names)
            npwp = "" if rng.random() < 0.1 else "0" + "".join(str(rng.randrange(10)) for _ in range(15))
            if index < MIN_EMPLOYERS:
                # Old enough that an employer exists for the earliest period of any history.
                registered_on = _random_date(rng, date(1978, 1, 1), date(1990, 12, 31))
            elif rng.random() < 0.7:
                registered_on = _random_date(rng, date(1978, 1, 1), date(2005, 12, 31))
            else:
                registered_on = _random_date(rng, date(2006, 1, 1), self.today - timedelta(days=2 * 365))
            street = self.fake.street_name()
            address = (
                f"{street} No. {rng.randint(1, 300)}, {region.city}, {region.province} "
                f"{region.postcode_prefix}{rng.randint(10, 99)}"
            )
            result.append(
                Employer(
                    npp=npp,
                    name=name,
                    npwp=npwp,
                    risk_class=risk_class,
                    industry=industry,
                    address=address,
                    branch_id=branch_ids[branch.code],
                    region_id=region_ids[region.code],
                    registered_on=registered_on,
                )
            )
        return result

    @staticmethod
    def _industry_order() -> list[str]:
        first = [
            Industry.FOOD_BEVERAGE_TOBACCO,
            Industry.TEXTILE,
            Industry.LEATHER,
            Industry.FOOTWEAR,
            Industry.TOYS,
            Industry.FURNITURE,
            Industry.CONSTRUCTION,
            Industry.FINANCE,
            Industry.TRANSPORT,
            Industry.TRADE,
        ]
        return [str(i) for i in first] + [str(i) for i in Industry if i not in first]

    def _company_name(self, industry: str, words: Sequence[str], taken: set[str]) -> str:
        rng = self.rng
        if industry == Industry.EDUCATION:
            prefix = "Yayasan"
        elif industry == Industry.HEALTH:
            prefix = rng.choice(("PT", "RS", "Klinik"))
        elif industry in (Industry.AGRICULTURE, Industry.TRADE) and rng.random() < 0.15:
            prefix = "Koperasi" if industry == Industry.AGRICULTURE else "UD"
        else:
            prefix = "PT" if rng.random() < 0.8 else "CV"
        for _attempt in range(5):
            if rng.random() < 0.3:
                core = f"{self.fake.last_name()} {rng.choice(words)}"
            else:
                core = f"{rng.choice(COMPANY_WORDS)} {rng.choice(words)} {rng.choice(COMPANY_WORDS)}"
            name = f"{prefix} {core}"
            if name not in taken:
                break
        else:
            name = f"{name} {self.fake.last_name()}"
        taken.add(name)
        return name

    def index_employers(self, employers: Sequence[Employer]) -> None:
        """Pools the saved employers by region and by date; sizes follow a long tail."""
        rng = self.rng
        region_codes = dict(Region.objects.values_list("id", "code"))
        ordered = sorted(employers, key=lambda e: (e.registered_on, e.npp))
        counts: dict[str, int] = {}
        for employer in ordered:
            code = region_codes[employer.region_id]
            weight = rng.paretovariate(1.5)  # a few large employers, many small ones
            self.by_region.setdefault(code, _EmployerPool()).add(
                employer.pk, employer.registered_on, code, weight
            )
            self.everywhere.add(employer.pk, employer.registered_on, code, weight)
            counts[code] = counts.get(code, 0) + 1
        self.home_regions = sorted(counts)
        self.home_weights = [counts[code] for code in self.home_regions]

    def _pick_employer(self, home: str, started_on: date, avoid: int) -> tuple[int, str]:
        rng = self.rng
        pool = self.by_region.get(home) if rng.random() < 0.85 else None
        available = bisect.bisect_right(pool.registered, started_on) if pool else 0
        if not pool or available == 0:
            pool = self.everywhere
            available = max(1, bisect.bisect_right(pool.registered, started_on))
        for _attempt in range(3):
            index = bisect.bisect_right(
                pool.cumulative, rng.random() * pool.cumulative[available - 1], 0, available
            )
            index = min(index, available - 1)
            if pool.ids[index] != avoid:
                break
        return pool.ids[index], pool.region_codes[index]

    # Members ---------------------------------------------------------------------------

    def chunks(self, total: int, chunk_size: int) -> Iterator[Chunk]:
        """Yields chunks of about `chunk_size` member rows until `total` rows are made."""
        chunk = Chunk()
        made = 0
        while made < total:
            made += self._person(chunk, total - made)
            if len(chunk.members) >= chunk_size:
                yield chunk
                chunk = Chunk()
        if chunk.members:
            yield chunk

    def _person(self, chunk: Chunk, slots: int) -> int:
        """Adds one person (one NIK) to `chunk`; returns how many member rows (KPJs) it took."""
        self.summary.persons += 1
        if self.rng.random() < SELF_EMPLOYED_SHARE:
            return self._self_employed(chunk)
        return self._wage_earner(chunk, slots)

    def _home_region(self) -> str:
        rng = self.rng
        if self.home_regions and rng.random() < 0.85:
            return rng.choices(self.home_regions, weights=self.home_weights)[0]
        return rng.choice(self.region_codes)

    def _identity(self, sex: str, birth_date: date, home: str) -> tuple[Any, ...]:
        """NIK, name, mother's hash, address, phone and email of a new person."""
        rng, fake = self.rng, self.fake
        nik_region = home if rng.random() < 0.75 else rng.choice(self.region_codes)
        district = f"{nik_region}{rng.randint(1, MAX_NIK_DISTRICT):02d}"
        while True:
            nik = identifiers.nik_digits_for(
                district_code=district,
                birth_date=birth_date,
                sex="F" if sex == "F" else "M",
                serial=rng.randint(1, 999),
            )
            if nik not in self.niks:
                break
        self.niks.add(nik)
        if sex == "M":
            first, last = fake.first_name_male(), fake.last_name_male()
            middle = fake.first_name_male() if rng.random() < 0.2 else ""
        else:
            first, last = fake.first_name_female(), fake.last_name_female()
            middle = fake.first_name_female() if rng.random() < 0.2 else ""
        full_name = " ".join(part for part in (first, middle, last) if part)
        mother_hash = self.mother_hashes[int(nik[-2:])]
        region = self.regions[home]
        street = f"{fake.street_name()} No. {rng.randint(1, 250)}"
        neighbourhood = f"RT {rng.randint(1, 15):03d}/RW {rng.randint(1, 12):03d}"
        postcode = f"{region.postcode_prefix}{rng.randint(10, 99)}"
        address = f"{street}, {neighbourhood}, {region.city}, {region.province} {postcode}"
        phone = ""
        if rng.random() < 0.92:
            prefix = rng.choice(MOBILE_PREFIXES if rng.random() < 0.6 else MOBILE_PREFIXES_MORE)
            phone = f"+62{prefix}{rng.randrange(10**8):08d}"
        email = ""
        if rng.random() < 0.6:
            ascii_name = unicodedata.normalize("NFKD", f"{first} {last}").encode("ascii", "ignore").decode()
            local = re.sub(r"[^a-z]+", ".", ascii_name.lower()).strip(".")
            email = f"{local}{rng.randint(1, 999)}@{rng.choice(EMAIL_DOMAINS)}"
        return nik, full_name, mother_hash, address, phone, email

    def _next_kpj(self) -> str:
        # An affine map i -> (a*i + b) mod 9e10 with a coprime to the modulus is a bijection,
        # so KPJs are unique without remembering them, yet look scattered like real numbers.
        value = 10**10 + (self.kpj_multiplier * self.kpj_count + self.kpj_offset) % (9 * 10**10)
        self.kpj_count += 1
        return str(value)

    def _add_member(
        self,
        chunk: Chunk,
        kpj: str,
        identity: tuple[str, str, date, str, str, str, str, str],
        segment: Segment,
        status: MemberStatus,
        occupation: str,
        declared_income: int | None,
        registered_on: date,
    ) -> int:
        """Appends one member row in MEMBER_FIELDS order, counts it, and returns its index."""
        chunk.members.append(
            (kpj, *identity, segment.value, status.value, occupation, declared_income, registered_on, "")
        )
        self._count_member(segment, status)
        return len(chunk.members) - 1

    def _count_member(self, segment: str, status: str) -> None:
        summary = self.summary
        summary.members += 1
        summary.statuses[status] += 1
        if segment == Segment.WAGE_EARNER:
            summary.wage_earners += 1
        else:
            summary.self_employed += 1

    def _self_employed(self, chunk: Chunk) -> int:
        rng, today = self.rng, self.today
        sex = "M" if rng.random() < 0.5 else "F"
        birth_date = today - timedelta(days=rng.randint(20 * 366, 62 * 365))
        home = self._home_region()
        nik, full_name, mother_hash, address, phone, email = self._identity(sex, birth_date, home)
        adult_on = birth_date + timedelta(days=18 * 366)
        registered_on = _random_date(rng, max(date(2014, 1, 1), adult_on), today - timedelta(days=30))
        roll = rng.random()
        status = (
            MemberStatus.ACTIVE
            if roll < 0.88
            else MemberStatus.INACTIVE
            if roll < 0.99
            else MemberStatus.DECEASED
        )
        occupation = rng.choice(SELF_EMPLOYED_OCCUPATIONS)
        declared_income = 100_000 * (10 + int(90 * rng.random() ** 2.5))
        kpj = self._next_kpj()
        identity = (nik, full_name, birth_date, sex, mother_hash, address, phone, email)
        self._add_member(
            chunk, kpj, identity, Segment.SELF_EMPLOYED, status, occupation, declared_income, registered_on
        )
        if status == MemberStatus.ACTIVE:
            self._sample(kpj, "BPU, active", 1)
        return 1

    def _sample(self, kpj: str, description: str, wanted: int) -> None:
        """Keeps a few KPJ numbers of each kind to print under "Demo logins"."""
        samples = self.summary.sample_kpj
        if sum(1 for _kpj, kind in samples if kind == description) < wanted:
            samples.append((kpj, description))

    def _wage_earner(self, chunk: Chunk, slots: int) -> int:
        rng, today = self.rng, self.today
        sex = "M" if rng.random() < 0.55 else "F"
        roll = rng.random()
        outcome = (
            "active" if roll < 0.83 else "left" if roll < 0.96 else "retired" if roll < 0.99 else "deceased"
        )
        gap = 0 if outcome == "active" else rng.randint(30, 2500)
        career_end = today - timedelta(days=gap)
        longest = MAX_HISTORY_DAYS - gap
        history_days = MIN_PERIOD_DAYS + 1 + int((longest - MIN_PERIOD_DAYS - 1) * rng.random() ** 1.4)
        career_start = career_end - timedelta(days=history_days)
        history_years = math.ceil(history_days / 365.25)
        if outcome == "retired":
            birth_date = career_end - timedelta(days=int(rng.randint(56, 58) * 365.25) + rng.randint(0, 300))
        else:
            # Nobody still at work is past 56 (the JHT retirement age), nobody starts before 18.
            start_age = max(18, min(rng.randint(18, 32), 56 - history_years))
            birth_date = career_start - timedelta(days=int(start_age * 365.25) + rng.randint(1, 300))
        home = self._home_region()
        periods = self._career(career_start, career_end, history_days, outcome, home)

        several = (
            len(periods) >= 2
            and outcome != "deceased"
            and self.summary.persons_with_several_kpj < math.ceil(self.summary.persons * SEVERAL_KPJ_SHARE)
            and slots >= min(len(periods), MAX_KPJ_PER_PERSON)
        )
        if several:
            # One KPJ per past employer: each of the first groups holds one period, the
            # last group the rest (re-registration by each new employer).
            group_count = min(len(periods), MAX_KPJ_PER_PERSON)
            groups = [periods[i : i + 1] for i in range(group_count - 1)] + [periods[group_count - 1 :]]
            self.summary.persons_with_several_kpj += 1
        else:
            groups = [periods]

        nik, full_name, mother_hash, address, phone, email = self._identity(sex, birth_date, home)
        for group in groups:
            if outcome == "deceased":
                status = MemberStatus.DECEASED
            elif group[-1][1] is None:
                status = MemberStatus.ACTIVE
            else:
                status = MemberStatus.INACTIVE
            kpj = self._next_kpj()
            identity = (nik, full_name, birth_date, sex, mother_hash, address, phone, email)
            member_index = self._add_member(
                chunk, kpj, identity, Segment.WAGE_EARNER, status, "", None, group[0][0]
            )
            for started_on, ended_on, reason, employer_id, wages in group:
                period_index = len(chunk.periods)
                chunk.periods.append((member_index, employer_id, started_on, ended_on, reason))
                chunk.wages.extend((period_index, valid_from, wage) for valid_from, wage in wages)
                self.summary.periods += 1
                self.summary.wages += len(wages)
            if several and group is groups[-1]:
                self._sample(kpj, "PU, several KPJ on one NIK", 1)
            elif status == MemberStatus.ACTIVE and not several:
                self._sample(kpj, "PU, active", 2)
        return len(groups)

    def _career(
        self, career_start: date, career_end: date, history_days: int, outcome: str, home: str
    ) -> list[tuple[date, date | None, str, int, list[tuple[date, int]]]]:
        """Employment periods from `career_start` to `career_end`, each with its yearly wages."""
        rng = self.rng
        history_years = history_days / 365.25
        wanted = 1 + sum(1 for _ in range(int(history_years)) if rng.random() < 0.12)
        count = max(1, min(wanted, history_days // (MIN_PERIOD_DAYS + 35)))
        # Share the days beyond the one-year minimum of each period among periods (weight 1
        # to 4) and the gaps between them (weight under 0.4), rounding down; the last
        # period ends on `career_end`, which keeps it at least a year long.
        spare = history_days - count * MIN_PERIOD_DAYS - (count - 1)
        weights = [rng.uniform(1, 4) for _ in range(count)] + [rng.uniform(0, 0.4) for _ in range(count - 1)]
        total_weight = sum(weights)
        extras = [int(spare * w / total_weight) for w in weights]
        # The worker's wage over the minimum, in thousandths: half earn near the UMK.
        tier = rng.random()
        premium = 1000 + (
            rng.randint(0, 150)
            if tier < 0.5
            else rng.randint(150, 800)
            if tier < 0.85
            else rng.randint(800, 2500)
        )
        previous_wage = 0
        employer_id = 0
        periods = []
        cursor = career_start
        for number in range(count):
            last = number == count - 1
            started_on = cursor
            ended_on: date | None = started_on + timedelta(days=MIN_PERIOD_DAYS + extras[number])
            if last:
                ended_on = None if outcome == "active" else career_end
                if outcome == "active":
                    reason = ""
                elif outcome == "retired":
                    reason = LeavingReason.RETIREMENT.value
                elif outcome == "deceased":
                    reason = LeavingReason.DEATH.value
                else:
                    reason = rng.choice(
                        (
                            LeavingReason.RESIGNATION.value,
                            LeavingReason.TERMINATION.value,
                            LeavingReason.CONTRACT_END.value,
                        )
                    )
            else:
                reason = rng.choices(
                    (
                        LeavingReason.RESIGNATION.value,
                        LeavingReason.CONTRACT_END.value,
                        LeavingReason.TERMINATION.value,
                    ),
                    weights=(5, 3, 2),
                )[0]
            employer_id, region_code = self._pick_employer(home, started_on, employer_id)
            wages, previous_wage = self._wages(
                region_code, started_on, ended_on or self.today, premium, previous_wage
            )
            periods.append((started_on, ended_on, reason, employer_id, wages))
            if not last:
                assert ended_on is not None
                cursor = ended_on + timedelta(days=1 + extras[count + number])
                premium += rng.randint(0, 150)
        return periods

    def _wages(
        self, region_code: str, started_on: date, until: date, premium: int, previous_wage: int
    ) -> tuple[list[tuple[date, int]], int]:
        """A wage from the start date, then a raise every 1 January; never under the UMK.

        Integer rupiah throughout: the premium is in thousandths of the minimum wage and a
        raise in hundredths of a percent, and every wage is rounded up to a thousand rupiah,
        so rounding can only lift a wage above the minimum, never below it. This loop makes
        a million rows for 100,000 members, hence random() rather than the slower randint().
        """
        random_fraction = self.rng.random
        minimum = self.minimum_wages[region_code]

        def floor(year: int) -> int:
            year = min(max(year, FIRST_MINIMUM_WAGE_YEAR), LAST_MINIMUM_WAGE_YEAR)
            return minimum[year - FIRST_MINIMUM_WAGE_YEAR] * premium // 1000

        # A new employer pays up to 20 % more than the last one did.
        wage = _ceil_thousand(
            max(floor(started_on.year), previous_wage * (1000 + int(random_fraction() * 201)) // 1000)
        )
        rows = [(started_on, wage)]
        for year in range(started_on.year + 1, until.year + 1):
            raised = wage * (10200 + int(random_fraction() * 801)) // 10000  # a raise of 2 to 10 %
            wage = -(-max(floor(year), raised) // 1000) * 1000
            rows.append((date(year, 1, 1), wage))
        return rows, wage


# Writing ------------------------------------------------------------------------------------


def _columns(model: type[models.Model], generated: Sequence[str]) -> tuple[list[str], tuple[Any, ...]]:
    """The generated columns, then any other column with its default (for fields added later)."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    extra = [f for f in model._meta.concrete_fields if f.attname not in generated and not f.primary_key]
    columns = [fields[name].column for name in generated] + [f.column for f in extra]
    return columns, tuple(f.get_default() for f in extra)


class _Writer:
    def write(self, chunk: Chunk) -> None:
        raise NotImplementedError


class CopyWriter(_Writer):
    """PostgreSQL: COPY through psycopg 3, about ten times the rows a second of bulk_create.

    COPY does not hand back the ids it assigns, so member and period ids are taken from the
    tables' own sequences first (nextval over generate_series): they are unique even with
    other writers at work, and the periods and wages can name their parents in the same
    pass. Wages need no id up front, so their column default fills it.
    """

    def __init__(self) -> None:
        self.member_columns, self.member_defaults = _columns(Member, MEMBER_FIELDS)
        self.period_columns, self.period_defaults = _columns(EmploymentPeriod, PERIOD_FIELDS)
        self.wage_columns, self.wage_defaults = _columns(EmploymentWage, WAGE_FIELDS)
        with connection.cursor() as cursor:
            self.member_sequence = self._sequence(cursor, Member)
            self.period_sequence = self._sequence(cursor, EmploymentPeriod)

    @staticmethod
    def _sequence(cursor: Any, model: type[models.Model]) -> str:
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
        return str(cursor.fetchone()[0])

    @staticmethod
    def _ids(cursor: Any, sequence: str, count: int) -> list[int]:
        cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
        return [row[0] for row in cursor.fetchall()]

    @staticmethod
    def _copy_sql(model: type[models.Model], columns: Sequence[str]) -> str:
        quote = connection.ops.quote_name
        return f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"

    def write(self, chunk: Chunk) -> None:
        with connection.cursor() as wrapper:
            cursor = wrapper.cursor  # the psycopg cursor: Django's wrapper has no copy()
            member_ids = self._ids(cursor, self.member_sequence, len(chunk.members))
            period_ids = self._ids(cursor, self.period_sequence, len(chunk.periods)) if chunk.periods else []
            with cursor.copy(self._copy_sql(Member, ["id", *self.member_columns])) as copy:
                defaults = self.member_defaults
                for member_id, row in zip(member_ids, chunk.members, strict=True):
                    copy.write_row((member_id, *row, *defaults))
            with cursor.copy(self._copy_sql(EmploymentPeriod, ["id", *self.period_columns])) as copy:
                defaults = self.period_defaults
                for period_id, (member_index, employer_id, started_on, ended_on, reason) in zip(
                    period_ids, chunk.periods, strict=True
                ):
                    copy.write_row(
                        (
                            period_id,
                            member_ids[member_index],
                            employer_id,
                            started_on,
                            ended_on,
                            reason,
                            *defaults,
                        )
                    )
            with cursor.copy(self._copy_sql(EmploymentWage, self.wage_columns)) as copy:
                defaults = self.wage_defaults
                for period_index, valid_from, wage in chunk.wages:
                    copy.write_row((period_ids[period_index], valid_from, wage, *defaults))


class OrmWriter(_Writer):
    """Other databases (SQLite): bulk_create with ids allocated here.

    Ids continue from the current maximum. That is safe because the whole load runs in one
    transaction and SQLite takes its write lock at BEGIN (transaction_mode IMMEDIATE), so no
    other writer can insert in between; and it lets periods and wages name their parents
    without reading anything back.
    """

    def __init__(self) -> None:
        self.next_member_id = self._next_id(Member)
        self.next_period_id = self._next_id(EmploymentPeriod)

    @staticmethod
    def _next_id(model: type[models.Model]) -> int:
        current = model._default_manager.aggregate(top=models.Max("pk"))["top"]
        return int(current or 0) + 1

    def write(self, chunk: Chunk) -> None:
        first_member, first_period = self.next_member_id, self.next_period_id
        self.next_member_id += len(chunk.members)
        self.next_period_id += len(chunk.periods)
        Member.objects.bulk_create(
            [
                Member(pk=first_member + i, **dict(zip(MEMBER_FIELDS, row, strict=True)))
                for i, row in enumerate(chunk.members)
            ]
        )
        EmploymentPeriod.objects.bulk_create(
            [
                EmploymentPeriod(
                    pk=first_period + i,
                    member_id=first_member + member_index,
                    employer_id=employer_id,
                    started_on=started_on,
                    ended_on=ended_on,
                    leaving_reason=reason,
                )
                for i, (member_index, employer_id, started_on, ended_on, reason) in enumerate(chunk.periods)
            ]
        )
        EmploymentWage.objects.bulk_create(
            [
                EmploymentWage(
                    period_id=first_period + period_index, valid_from=valid_from, monthly_wage=wage
                )
                for period_index, valid_from, wage in chunk.wages
            ]
        )


def employer_count(members: int) -> int:
    return max(MIN_EMPLOYERS, round(members / MEMBERS_PER_EMPLOYER))


def load_demo_data(
    *,
    members: int,
    seed: int,
    reset: bool = False,
    chunk_size: int = CHUNK_SIZE,
    today: date | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Loads the demo: reference rows, employers, `members` member rows and the demo logins.

    One transaction: a failed or interrupted run leaves the database as it was, so
    `--if-empty` never mistakes half a load for a finished one.
    """
    started = time.perf_counter()
    today = today or clock.today()
    # Hashed before the transaction opens: a couple of seconds of CPU that hold no lock.
    hashes = _mother_name_hashes(seed, settings.PASSWORD_HASHERS[0])
    generator = DemoGenerator(seed=seed, today=today, mother_hashes=hashes)
    with transaction.atomic():
        deleted = delete_demo_data() if reset else 0
        reference = upsert_reference_data()
        taken = set(Employer.objects.values_list("npp", flat=True))
        employers = Employer.objects.bulk_create(generator.employers(employer_count(members), taken))
        if any(e.pk is None for e in employers):  # a backend that cannot return ids
            by_npp = dict(
                Employer.objects.filter(npp__in=[e.npp for e in employers]).values_list("npp", "id")
            )
            for employer in employers:
                employer.pk = by_npp[employer.npp]
        generator.index_employers(employers)
        writer: _Writer = CopyWriter() if connection.vendor == "postgresql" else OrmWriter()
        done = 0
        for chunk in generator.chunks(members, chunk_size):
            writer.write(chunk)
            # With DEBUG on (JAMSOS_ENV=demo) Django keeps the text of every query; the
            # batch inserts would make that log the largest thing in memory.
            reset_queries()
            done += len(chunk.members)
            if progress:
                progress(done, members)
        logins = ensure_demo_logins()
    summary = generator.summary
    summary.reference = reference
    summary.deleted_members = deleted
    summary.employers = len(employers)
    summary.logins = logins
    summary.seconds = time.perf_counter() - started
    return summary
