"""Validation of identifiers for forms, the API and imports: one place, translated messages.

The rules engine says what is wrong with a code; this module says it to a person, in
Bahasa Indonesia or English, and says how to fix it.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jamsos.core import clock
from jamsos.rules import identifiers
from jamsos.rules.identifiers import IdentifierError

MESSAGES: dict[str, Any] = {
    "nik_not_digits": _("NIK may contain only digits. Copy the 16 digits from your KTP."),
    "nik_length": _("NIK must have %(expected)d digits; you entered %(found)d. Check it against your KTP."),
    "nik_province": _(
        "NIK must start with a province code; %(code)s is not one. Check the first two digits."
    ),
    "nik_regency": _("Digits 3 and 4 of the NIK (the regency or city code) cannot be 00."),
    "nik_district": _("Digits 5 and 6 of the NIK (the district code) cannot be 00."),
    "nik_birth_date": _(
        "Digits 7 to 12 of the NIK must be a birth date (day, month, year; women add 40 to the day). "
        "Check them against your KTP."
    ),
    "nik_serial": _("The last four digits of the NIK cannot be 0000."),
    "kpj_not_digits": _(
        "The KPJ number may contain only digits. Copy the 11 digits from your membership card."
    ),
    "kpj_length": _("The KPJ number must have %(expected)d digits; you entered %(found)d."),
    "npp_not_digits": _("The NPP may contain only digits."),
    "npp_length": _("The NPP must have %(expected)d digits; you entered %(found)d."),
    "npwp_not_digits": _("The NPWP may contain only digits, dots and dashes."),
    "npwp_length": _("The NPWP must have 15 or 16 digits; you entered %(found)d."),
    "phone_not_digits": _("The mobile number may contain only digits and a leading +."),
    "phone_format": _(
        "Enter an Indonesian mobile number that starts with 08, 628 or +628 and has 10 to 13 digits, "
        "for example 0812 3456 7890."
    ),
}


def identifier_error(error: IdentifierError) -> ValidationError:
    return ValidationError(MESSAGES[error.code], code=error.code, params=error.params)


def _wrap(parse: Callable[[str], object]) -> Callable[[str], None]:
    def validator(value: str) -> None:
        try:
            parse(value)
        except IdentifierError as error:
            raise identifier_error(error) from None

    return validator


def _parse_nik_today(value: str) -> identifiers.Nik:
    return identifiers.parse_nik(value, today=clock.today())


validate_nik = _wrap(_parse_nik_today)
validate_kpj = _wrap(identifiers.parse_kpj)
validate_npp = _wrap(identifiers.parse_npp)
validate_npwp = _wrap(identifiers.parse_npwp)
validate_mobile = _wrap(identifiers.normalize_mobile)
