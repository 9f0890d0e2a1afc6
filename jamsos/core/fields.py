"""Model fields for identifiers: they normalise what people type and validate it.

Because Django runs `to_python` and the validators in `full_clean()`, every ModelForm, the
admin, the API and the importers get the same normalisation and the same messages.
"""

from typing import Any

from django.db import models

from jamsos.core import validators
from jamsos.rules import identifiers
from jamsos.rules.identifiers import IdentifierError


class _IdentifierField(models.CharField):
    length = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", self.length)
        super().__init__(*args, **kwargs)

    def normalize(self, value: str) -> str:
        return identifiers.strip_separators(value)

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        if isinstance(value, str) and value:
            try:
                return self.normalize(value)
            except IdentifierError:
                return value.strip()  # the validator reports it
        return value

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == self.length:
            del kwargs["max_length"]
        return name, path, args, kwargs


class NikField(_IdentifierField):
    length = identifiers.NIK_LENGTH
    default_validators = [validators.validate_nik]


class KpjField(_IdentifierField):
    length = identifiers.KPJ_LENGTH
    default_validators = [validators.validate_kpj]


class NppField(_IdentifierField):
    length = identifiers.NPP_LENGTH
    default_validators = [validators.validate_npp]


class NpwpField(_IdentifierField):
    length = 16
    default_validators = [validators.validate_npwp]


class MobilePhoneField(_IdentifierField):
    """Stored in E.164 form, +628..., whatever form was typed."""

    length = 16
    default_validators = [validators.validate_mobile]

    def normalize(self, value: str) -> str:
        return identifiers.normalize_mobile(value)
