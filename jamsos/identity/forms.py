"""allauth's forms, adapted: one identifier field (KPJ, NIK or email), a CAPTCHA after repeated
failures, password reset by any identifier, and second-factor forms that respect the lockout."""

from typing import Any

from allauth.account.forms import ChangePasswordForm, ConfirmLoginCodeForm, LoginForm, ResetPasswordForm
from allauth.account.internal.flows.reauthentication import raise_if_reauthentication_required
from allauth.account.internal.stagekit import unstash_login
from allauth.core import context
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.base.forms import AuthenticateForm
from captcha.fields import CaptchaField
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jamsos.identity import lockout
from jamsos.identity.accounts import find_user, parse_identifier
from jamsos.identity.adapter import AccountAdapter
from jamsos.identity.events import client_ip
from jamsos.identity.models import User

IDENTIFIER_MAX_LENGTH = 254


def identifier_field() -> forms.CharField:
    return forms.CharField(
        label=_("KPJ number, NIK or email"),
        max_length=IDENTIFIER_MAX_LENGTH,
        help_text=_("The 11-digit membership number, your 16-digit NIK or your verified email."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


def captcha_field() -> CaptchaField:
    return CaptchaField(
        label=_("Type the characters in the picture"),
        help_text=_("Shown after several wrong attempts, to stop automated guessing."),
        error_messages={"invalid": _("The characters do not match the picture. Try the new picture.")},
    )


class MasukForm(LoginForm):
    """Masuk: identifier and password on one page (no identifier-first step: ENUM-01)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"] = identifier_field()
        self.fields["password"].help_text = ""
        self.order_fields(["login", "password"])
        if self._needs_captcha():
            self.fields["captcha"] = captcha_field()

    def _needs_captcha(self) -> bool:
        request: HttpRequest | None = self.request
        ip = (client_ip(request) or "") if request else ""
        raw = self.data.get("login", "") if self.is_bound else ""
        identifier = parse_identifier(str(raw))
        user = find_user(identifier, request) if raw else None
        return lockout.needs_captcha(user, identifier.key, ip)


class LupaKataSandiForm(ResetPasswordForm):
    """Lupa Kata Sandi by KPJ, NIK or email; the link goes to the account's verified email."""

    email = identifier_field()

    def clean_email(self) -> str:
        identifier = parse_identifier(self.cleaned_data["email"])
        user = find_user(identifier)
        self.users = [user] if user is not None else []
        # allauth limits requests per value of this field: one key for every way of writing
        # the identifier, so spaces or dashes do not buy more emails (LOCK-07).
        return identifier.key

    def save(self, request: HttpRequest, **kwargs: Any) -> str:
        from allauth.account.forms import default_token_generator
        from allauth.account.internal.flows.password_reset import request_password_reset
        from allauth.account.models import EmailAddress

        # An unknown identifier sends nothing and answers the same (REC-01); a known one sends
        # the link to the verified email only, never to an address typed here.
        for user in self.users:
            email = (
                EmailAddress.objects.get_primary_email(user)
                or EmailAddress.objects.filter(user=user, verified=True)
                .values_list("email", flat=True)
                .first()
            )
            if email:
                # allauth's generator: the reset page checks the token with it (Django's own
                # makes tokens that page refuses).
                generator = kwargs.get("token_generator", default_token_generator)
                request_password_reset(request, email, [user], generator)
        return ""


class GantiKataSandiForm(ChangePasswordForm):
    """Changing the password needs a reauthentication within the last 5 minutes, like every
    other credential change (allauth itself asks only for the current password)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Raised before the form exists: allauth's middleware sends the user to reauthenticate
        # and replays this request afterwards.
        raise_if_reauthentication_required(context.request, app="allauth.account")
        super().__init__(*args, **kwargs)


def _pending_login_user() -> User | None:
    login = unstash_login(context.request, peek=True)
    user = getattr(login, "user", None)
    return user if isinstance(user, User) else None


class SmsCodeForm(ConfirmLoginCodeForm):
    """The SMS code; refused while the account is locked, whatever the code."""

    def clean_code(self) -> str:
        user = _pending_login_user()
        if user is not None and lockout.is_locked(user, ""):
            raise AccountAdapter().validation_error("incorrect_code")
        return str(super().clean_code())


class AuthenticatorCodeForm(AuthenticateForm):
    """An authenticator-app or recovery code; refused while the account is locked."""

    def clean_code(self) -> str:
        if lockout.is_locked(self.user, ""):
            # The MFA adapter's words: the same answer as a wrong code (LOCK-02).
            raise get_mfa_adapter().validation_error("incorrect_code")
        return str(super().clean_code())
