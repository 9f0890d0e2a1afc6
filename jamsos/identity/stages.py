"""The second factor of a password sign-in: an SMS code, unless the user has a stronger one.

allauth's login-by-code stage sends its code by email; email is not an authentication factor
(NIST 800-63B §3.1.3.1, security.md MFA-02), so this stage sends it to the verified mobile
number instead. A user with an authenticator app or a passkey skips it: allauth's MFA stage
asks for that factor. Officers never get an SMS code: without an authenticator or passkey they
cannot finish signing in (an administrator enrols one first).
"""

from allauth.account.internal.flows.login_by_code import LoginCodeVerificationProcess
from allauth.account.stages import LoginByCodeStage
from allauth.core.exceptions import RateLimited
from allauth.core.internal.httpkit import headed_redirect_response
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from allauth.mfa.webauthn.internal.flows import did_use_passwordless_login
from django.contrib import messages
from django.utils.translation import gettext as _

from jamsos.identity.models import User, UserKind


def has_strong_factor(user: User) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])


class SmsCodeStage(LoginByCodeStage):
    def handle(self) -> tuple[object, bool]:
        user = self.login.user
        if self.state:  # the code was sent; the confirmation page resumes this stage
            return headed_redirect_response("account_confirm_login_code"), True
        if user is None or has_strong_factor(user) or did_use_passwordless_login(self.request, user):
            return None, True
        if user.kind == UserKind.OFFICER or not (user.phone and user.phone_verified):
            messages.error(
                self.request,
                _(
                    "This account has no verified second factor, so it cannot sign in online. "
                    "Visit a branch office with your KTP to have one added."
                )
                if user.kind != UserKind.OFFICER
                else _(
                    "Officers sign in with an authenticator app or a passkey. "
                    "Ask an administrator to enrol one."
                ),
            )
            return headed_redirect_response("account_login"), False
        try:
            LoginCodeVerificationProcess.initiate(
                request=self.request, user=user, phone=user.phone, stage=self
            )
        except RateLimited:
            messages.error(
                self.request,
                _("Too many codes were sent to this number. Wait ten minutes, then sign in again."),
            )
            return headed_redirect_response("account_login"), False
        self.state["login_by_code_required"] = True
        return headed_redirect_response("account_confirm_login_code"), True
