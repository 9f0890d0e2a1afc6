"""Forms of Daftar: activation of an existing participant and registration of a BPU worker.

Each form names the fields it binds (an allow-list, security.md AZ-02): anything else posted
is ignored. Identifiers are normalised and checked with jamsos.core's validators, so the
messages are the same translated ones as everywhere else.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from jamsos.core import validators
from jamsos.members.models import KK_LENGTH, BpuApplication, Sex
from jamsos.members.registration import DETAIL_FIELDS
from jamsos.rules import identifiers
from jamsos.rules.identifiers import IdentifierError

CODE_LENGTH = 6
MAX_INCOME = 10**12  # a trillion rupiah a month: anything above is a typing mistake


class ErrorSummaryMixin(forms.BaseForm):
    """Django ties each input to its hint and error ("<id>_helptext", "<id>_error") by
    aria-describedby and marks it aria-invalid; the templates give those ids. The summary at
    the top of the page links to each field in error."""

    @property
    def fields_in_error(self) -> list[forms.BoundField]:
        return [bound for bound in self if bound.errors]


class AccessibleForm(ErrorSummaryMixin, forms.Form):
    pass


class DigitsField(forms.CharField):
    """An identifier typed with or without spaces, dots or dashes; kept as digits only."""

    def __init__(self, *, length: int, validator: Callable[[str], None], **kwargs: Any) -> None:
        kwargs.setdefault("max_length", length * 2)  # room for the separators people type
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}),
        )
        super().__init__(**kwargs)
        self.validators.append(validator)

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value))
        return identifiers.strip_separators(text) if text else text


def kpj_field() -> DigitsField:
    return DigitsField(
        length=identifiers.KPJ_LENGTH,
        validator=validators.validate_kpj,
        label=_("KPJ number"),
        help_text=_("The 11 digits on your membership card."),
    )


def nik_field() -> DigitsField:
    return DigitsField(
        length=identifiers.NIK_LENGTH,
        validator=validators.validate_nik,
        label=_("NIK"),
        help_text=_("The 16 digits on your KTP."),
    )


def birth_date_field() -> forms.DateField:
    return forms.DateField(
        label=_("Birth date"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the birth date as on your KTP.")},
    )


class ActivationDetailsForm(AccessibleForm):
    kpj = kpj_field()
    nik = nik_field()
    birth_date = birth_date_field()
    mother_maiden_name = forms.CharField(
        label=_("Mother's maiden name"),
        max_length=100,
        help_text=_("As you gave it when you joined. Capital letters and spaces do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class CodeForm(AccessibleForm):
    code = forms.CharField(
        label=_("6-digit code"),
        max_length=CODE_LENGTH * 2,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if len(code) != CODE_LENGTH or not (code.isascii() and code.isdigit()):
            raise ValidationError(
                _("The code has 6 digits. Type the digits from the message."), code="format"
            )
        return code


class EmailForm(AccessibleForm):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send a code to check it. You can sign in with it and receive notices there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class PasswordForm(AccessibleForm):
    """A new password twice; `check` raises the validators' reasons (PWD-04)."""

    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=_(
            "At least 8 characters; long phrases are welcome. Not your KPJ number, NIK, name or birth date."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, check: Callable[[str], None], **kwargs: Any) -> None:
        self.check = check
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", ValidationError(_("The two passwords differ."), code="mismatch"))
        elif first:
            try:
                self.check(first)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class RupiahField(forms.IntegerField):
    """Whole rupiah, typed as 3000000, 3.000.000 or Rp 3.000.000."""

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = value.strip()
            if value.lower().startswith("rp"):
                value = value[2:]
            if "," in value:
                raise ValidationError(_("Enter whole rupiah, without cents."), code="not_whole")
            value = "".join(value.replace(".", "").split())
        result: int | None = super().to_python(value)
        return result


class BpuDetailsForm(ErrorSummaryMixin, forms.ModelForm):
    """Step 1 of BPU registration; the model's clean() checks the NIK against birth date and sex."""

    declared_income = RupiahField(
        label=_("Monthly income (Rp)"),
        min_value=1,
        max_value=MAX_INCOME,
        help_text=_("What you earn in a usual month, in whole rupiah. Your contribution is based on it."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = BpuApplication
        fields = list(DETAIL_FIELDS)
        labels = {
            "nik": _("NIK"),
            "kk_number": _("Family card (KK) number"),
            "full_name": _("Full name"),
            "birth_date": _("Birth date"),
            "sex": _("Sex"),
            "address": _("Address"),
            "phone": _("Mobile number"),
            "email": _("Email"),
            "occupation": _("Occupation"),
            "includes_jht": _(
                "Also join JHT (old-age savings): 2 percent a month of the income band "
                "your declared income falls in"
            ),
        }
        help_texts = {
            "nik": _("The 16 digits on your KTP."),
            "kk_number": _("The 16 digits at the top of your Kartu Keluarga."),
            "full_name": _("As written on your KTP."),
            "address": _("Where you live now: street, number, village, district, city."),
            "phone": _("We send a code to this number. Example: 0812 3456 7890."),
            "email": _("We send a code to this address, then your KPJ number and activation link."),
            "occupation": _("For example: market trader, farmer, online motorcycle taxi driver."),
            "includes_jht": _("Optional. JKK and JKM are always included."),
        }
        widgets = {
            "nik": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
            ),
            "kk_number": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
            ),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "birth_date": forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
            "sex": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "occupation": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Room for the separators people type; the model field keeps the bare digits.
        for name, length in (("nik", identifiers.NIK_LENGTH), ("kk_number", KK_LENGTH), ("phone", 16)):
            field = self.fields[name]
            assert isinstance(field, forms.CharField)
            field.max_length = length * 2
            field.widget.attrs["maxlength"] = str(length * 2)
            field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        sex = self.fields["sex"]
        assert isinstance(sex, forms.ChoiceField)
        sex.choices = list(Sex.choices)

    def clean_nik(self) -> str:
        return identifiers.strip_separators(str(self.cleaned_data["nik"]))

    def clean_kk_number(self) -> str:
        return identifiers.strip_separators(str(self.cleaned_data["kk_number"]))

    def clean_phone(self) -> str:
        raw = str(self.cleaned_data["phone"])
        try:
            return identifiers.normalize_mobile(raw)
        except IdentifierError as error:
            raise validators.identifier_error(error) from None

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip()
