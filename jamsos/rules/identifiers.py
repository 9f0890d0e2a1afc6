"""Indonesian identifiers: NIK, KPJ, NPP, NPWP and mobile numbers (rulebook section 5).

Pure functions. A malformed value raises IdentifierError with a stable code and parameters;
the presentation layer turns the code into a translated message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from jamsos.rules.inputs import Inputs

Sex = Literal["M", "F"]

# Province codes (Kemendagri), including the Papua provinces created in 2022.
PROVINCE_CODES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

JAKARTA = ZoneInfo("Asia/Jakarta")
NIK_LENGTH = 16
KPJ_LENGTH = 11
NPP_LENGTH = 8
FEMALE_DAY_OFFSET = 40

_SEPARATORS = re.compile(r"[\s.\-]")
# 08 + operator digit + 6 to 10 digits: 10 to 13 digits with the leading 0 (rulebook section 5).
_MOBILE = re.compile(r"^(?:\+62|62|0)(8[1-9][0-9]{6,10})$")


class IdentifierError(ValueError):
    """A value that is not a well-formed identifier; `code` names what is wrong."""

    def __init__(self, error_code: str, **params: object) -> None:
        super().__init__(error_code)
        self.code = error_code
        self.params = params


@dataclass(frozen=True)
class Nik:
    """A parsed NIK (Nomor Induk Kependudukan)."""

    value: str
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: Sex
    serial: str


def strip_separators(value: str) -> str:
    """Drops the spaces, dots and dashes people type inside numbers."""
    return _SEPARATORS.sub("", value)


def _digits(value: str, *, length: int, prefix: str) -> str:
    cleaned = strip_separators(value)
    if cleaned and not (cleaned.isascii() and cleaned.isdigit()):
        raise IdentifierError(f"{prefix}_not_digits")
    if len(cleaned) != length:
        raise IdentifierError(f"{prefix}_length", expected=length, found=len(cleaned))
    return cleaned


def parse_nik(value: str, *, today: date) -> Nik:
    """Parses a NIK: PP KK CC DD MM YY SSSS, day + 40 for women, serial from 0001.

    `today` resolves the two-digit year: the most recent year not after today.
    """
    nik = _digits(value, length=NIK_LENGTH, prefix="nik")
    province, regency, district = nik[0:2], nik[2:4], nik[4:6]
    day, month, year2, serial = int(nik[6:8]), int(nik[8:10]), int(nik[10:12]), nik[12:16]
    if province not in PROVINCE_CODES:
        raise IdentifierError("nik_province", code=province)
    if regency == "00":
        raise IdentifierError("nik_regency")
    if district == "00":
        raise IdentifierError("nik_district")
    sex: Sex = "M"
    if day > FEMALE_DAY_OFFSET:
        sex = "F"
        day -= FEMALE_DAY_OFFSET
    try:
        birth_date = date(2000 + year2, month, day)
        if birth_date > today:
            birth_date = date(1900 + year2, month, day)
    except ValueError:
        raise IdentifierError("nik_birth_date") from None
    if serial == "0000":
        raise IdentifierError("nik_serial")
    return Nik(
        value=nik,
        province_code=province,
        regency_code=province + regency,
        district_code=province + regency + district,
        birth_date=birth_date,
        sex=sex,
        serial=serial,
    )


def nik_disagreements(nik: Nik, *, birth_date: date, sex: Sex) -> list[str]:
    """Which of birth date and sex the NIK contradicts ("birth_date", "sex"); empty if none.

    The two-digit year carries no century, so a birth date agrees when day, month and the
    last two digits of the year match.
    """
    problems = []
    if (nik.birth_date.day, nik.birth_date.month, nik.birth_date.year % 100) != (
        birth_date.day,
        birth_date.month,
        birth_date.year % 100,
    ):
        problems.append("birth_date")
    if nik.sex != sex:
        problems.append("sex")
    return problems


def nik_digits_for(*, district_code: str, birth_date: date, sex: Sex, serial: int) -> str:
    """Builds the NIK that a person born on `birth_date` would get in `district_code`."""
    day = birth_date.day + (FEMALE_DAY_OFFSET if sex == "F" else 0)
    return f"{district_code}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def parse_kpj(value: str) -> str:
    """A KPJ membership number: 11 digits (no public check digit is known)."""
    return _digits(value, length=KPJ_LENGTH, prefix="kpj")


def parse_npp(value: str) -> str:
    """An employer registration number (NPP): 8 digits, a jamsos convention (rulebook [L])."""
    return _digits(value, length=NPP_LENGTH, prefix="npp")


def normalize_mobile(value: str) -> str:
    """An Indonesian mobile number in E.164 form (+628...), from 08..., 628... or +628...."""
    cleaned = re.sub(r"[\s.\-()]", "", value)
    match = _MOBILE.match(cleaned)
    if not match:
        if not re.fullmatch(r"\+?[0-9]+", cleaned):
            raise IdentifierError("phone_not_digits")
        raise IdentifierError("phone_format")
    return "+62" + match.group(1)


def parse_npwp(value: str) -> str:
    """An NPWP: 16 digits (NIK or 0 + old number) or the old 15 digits; returns the digits."""
    cleaned = strip_separators(value)
    if not cleaned.isascii() or not cleaned.isdigit():
        raise IdentifierError("npwp_not_digits")
    if len(cleaned) not in (15, 16):
        raise IdentifierError("npwp_length", found=len(cleaned))
    return cleaned


# Messages for the `rules eval` kinds; the web layer has its own translated ones.
_EVAL_MESSAGES = {
    "nik_not_digits": ("A NIK has digits only.", "NIK hanya berisi angka."),
    "nik_length": ("A NIK has 16 digits.", "NIK terdiri dari 16 digit."),
    "nik_province": (
        "The first two digits are not a province code.",
        "Dua digit pertama bukan kode provinsi.",
    ),
    "nik_regency": ("Digits 3-4 (regency) cannot be 00.", "Digit 3-4 (kabupaten/kota) tidak boleh 00."),
    "nik_district": ("Digits 5-6 (district) cannot be 00.", "Digit 5-6 (kecamatan) tidak boleh 00."),
    "nik_birth_date": ("Digits 7-12 are not a birth date.", "Digit 7-12 bukan tanggal lahir."),
    "nik_serial": ("The serial (last 4 digits) starts at 0001.", "Nomor urut (4 digit terakhir) mulai 0001."),
}


def _evaluate_nik(inputs: Inputs) -> dict[str, object]:
    """Kind `nik`: valid or not, and what the NIK says (section 5 of the rulebook)."""
    value = inputs.text("nik")
    # The engine has no clock of its own: a case may give "today"; else Jakarta's date.
    today = inputs.date("today") if inputs.has("today") else datetime.now(JAKARTA).date()
    try:
        nik = parse_nik(value, today=today)
    except IdentifierError as error:
        en, id_ = _EVAL_MESSAGES[error.code]
        return {"valid": False, "error": {"code": error.code, "message": en, "message_id": id_}}
    return {
        "valid": True,
        "province_code": nik.province_code,
        "province": PROVINCE_CODES[nik.province_code],
        "regency_code": nik.regency_code,
        "district_code": nik.district_code,
        "birth_date": nik.birth_date.isoformat(),
        "sex": nik.sex,
        "serial": nik.serial,
    }


EVAL_KINDS: dict[str, Callable[[Inputs], dict[str, object]]] = {"nik": _evaluate_nik}
