"""Daftar: the pages of activation (existing participants) and BPU registration.

The pages only translate between HTTP and the domain flows (jamsos.identity.activation and
jamsos.members.registration), which keep each flow's state in the session and enforce the
order of the steps. A page reached out of order redirects to the step the flow is at (or the
start): nothing is changed (security.md VAL-02). No NIK or KPJ is ever put in a URL.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any, Generic, TypedDict, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from jamsos.identity import activation
from jamsos.identity.activation import ActivationError, CodeResult, SessionFlow
from jamsos.members import registration
from jamsos.members.models import ApplicationStatus
from jamsos.members.registration import RegistrationError
from jamsos.portal.forms_signup import (
    ActivationDetailsForm,
    BpuDetailsForm,
    CodeForm,
    EmailForm,
    PasswordForm,
)

TOKEN_KEY = "jamsos_bpu_activation_token"  # noqa: S105  (a session key name)
ACTIVATED_KEY = "jamsos_bpu_activated"

View = Callable[[HttpRequest], HttpResponse]
State = TypeVar("State", bound=SessionFlow)


def _messages() -> dict[str, str]:
    return {
        "rate_limited": _(
            "Too many attempts from here. Wait an hour and try again, or visit a branch office."
        ),
        "resend_limit": _("You have asked for the most new codes allowed. Start again in a while."),
        "sms_quota": _("Too many codes were sent to this number. Wait ten minutes and try again."),
        "email_limit": _("Too many codes were sent. Wait an hour and try again."),
        "email_taken": _(
            "This email is already used by another jamsos account. Enter a different email, or sign "
            "in with that account."
        ),
        "wrong": _("That code is not right. Check the latest message and try again."),
        "expired": _("That code has expired. Ask for a new code."),
        "restart": _("That was the third wrong code. For your safety, start again from the beginning."),
        "email_exhausted": _("That was the third wrong code. Ask for a new code."),
        "existing_member": _("This NIK is already registered. Activate online access for your membership."),
    }


def _error_text(error: Exception) -> str | None:
    return _messages().get(getattr(error, "code", ""))


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, f"portal/signup/{template}", context, status=status)


def _form_view(view: View) -> View:
    """A page that shows a form (GET) and acts on it (POST); never cached, as it shows the flow."""
    return never_cache(require_http_methods(["GET", "POST"])(view))


class _CodeTexts(TypedDict):
    title: str
    intro: str
    sent: str


def _email_code_texts(address: str) -> _CodeTexts:
    """What an email code page says in either flow (its help differs)."""
    return {
        "title": _("Enter the code from the email"),
        "intro": _("We have sent a 6-digit code to %(email)s. It is valid for 30 minutes.")
        % {"email": address},
        "sent": _("We have sent a new code to your email."),
    }


def _password_page(request: HttpRequest, form: PasswordForm, **progress: int) -> HttpResponse:
    return _page(
        request,
        "password.html",
        {
            "form": form,
            "title": _("Choose a password"),
            "intro": _("You will sign in with your KPJ number, NIK or email, this password and an SMS code."),
            **progress,
        },
    )


@dataclass(frozen=True)
class _Flow(Generic[State]):
    """What the pages of one flow share: its state in the session, its refusals and its pages.

    The steps of a flow are numbered for the step indicator ("Step 2 of 5"); the state names the
    step the flow is at, and `step_urls` the page of each (the start page is that of any other).
    """

    load: Callable[[SessionBase], State | None]
    error: type[ActivationError | RegistrationError]
    start_url: str
    step_urls: Mapping[str, str]
    steps: int

    def to_current_step(self, request: HttpRequest) -> HttpResponseRedirect:
        state = self.load(request.session)
        return redirect(self.step_urls.get(state.step, self.start_url) if state else self.start_url)

    def at(self, *steps: str) -> Callable[[Callable[[HttpRequest, State], HttpResponse]], View]:
        """A view of `steps` (GET and POST, never cached), called with the flow's state; at another
        step, or with no flow, it redirects to the page of the step the flow is at, changing nothing."""

        def decorate(view: Callable[[HttpRequest, State], HttpResponse]) -> View:
            @wraps(view)
            def page(request: HttpRequest) -> HttpResponse:
                state = self.load(request.session)
                if state is None or state.step not in steps:
                    return self.to_current_step(request)
                return view(request, state)

            return _form_view(page)

        return decorate

    def page(self, request: HttpRequest, template: str, step: int, context: dict[str, Any]) -> HttpResponse:
        return _page(request, template, {**context, "step": step, "steps": self.steps})

    def form_page(
        self,
        request: HttpRequest,
        form: forms.BaseForm,
        *,
        act: Callable[[dict[str, Any]], None],
        next_page: str,
        template: str,
        step: int,
        error_field: str | None = None,
    ) -> HttpResponse:
        """A step with a form: a valid POST does `act` and goes on to `next_page`; a refusal is
        shown on the form (on `error_field`, or above the fields)."""
        if request.method == "POST" and form.is_valid():
            try:
                act(form.cleaned_data)
            except self.error as error:
                form.add_error(error_field, _error_text(error) or "")
            else:
                return redirect(next_page)
        return self.page(request, template, step, {"form": form})

    def code_page(
        self,
        request: HttpRequest,
        *,
        verify: Callable[[str], CodeResult],
        resend: Callable[[], None],
        on_ok: Callable[[], HttpResponse],
        restart_when_spent: bool = False,
        right_code_refusal: str = "",
        show_refusal: bool = False,
        step: int,
        title: str,
        intro: str,
        help: str,
        sent: str,
        **change_link: str,
    ) -> HttpResponse:
        """A step that checks a code, or sends a new one (`resend`, then `sent` is shown).

        A right code goes on with `on_ok`. The third wrong one spends the code, or with
        `restart_when_spent` the whole flow: the person starts again from its first page.
        `right_code_refusal` is what `verify` raises when the code is right but the flow cannot go
        on as usual: it counts as right (`on_ok` finds where the flow is now), said if
        `show_refusal`.
        """
        if request.method == "POST" and request.POST.get("action") == "resend":
            try:
                resend()
            except self.error as error:
                message = _error_text(error)
                if message is None:
                    raise
                messages.error(request, message)
            else:
                messages.success(request, sent)
            return redirect(request.path)  # after a POST, a GET: reloading sends nothing
        form = CodeForm(request.POST) if request.method == "POST" else CodeForm()
        if form.is_valid():
            try:
                result = verify(form.cleaned_data["code"])
            except self.error as error:
                if not right_code_refusal or error.code != right_code_refusal:
                    raise
                if show_refusal:
                    messages.error(request, _error_text(error) or "")
                result = CodeResult.OK
            text = _messages()
            if result == CodeResult.OK:
                return on_ok()
            if result == CodeResult.EXHAUSTED and restart_when_spent:
                messages.error(request, text["restart"])
                return redirect(self.start_url)
            errors = {CodeResult.EXHAUSTED: "email_exhausted", CodeResult.EXPIRED: "expired"}
            form.add_error("code", text[errors.get(result, "wrong")])
        return self.page(
            request,
            "code.html",
            step,
            {"form": form, "title": title, "intro": intro, "help": help, "restart_url": self.start_url}
            | change_link,
        )


ACTIVATION = _Flow(
    load=activation.current,
    error=ActivationError,
    start_url="portal:activation_details",
    step_urls={
        activation.Step.PHONE_CODE: "portal:activation_code",
        activation.Step.EMAIL: "portal:activation_email",
        activation.Step.EMAIL_CODE: "portal:activation_email_code",
        activation.Step.PASSWORD: "portal:activation_password",
    },
    steps=5,
)
BPU = _Flow(
    load=registration.current,
    error=RegistrationError,
    start_url="portal:bpu_details",
    step_urls={
        registration.Step.PHONE_CODE: "portal:bpu_phone",
        registration.Step.EMAIL_CODE: "portal:bpu_email",
        registration.Step.REVIEW: "portal:bpu_review",
    },
    steps=4,
)


# Choice -------------------------------------------------------------------------------------


@require_safe
def signup(request: HttpRequest) -> HttpResponse:
    return _page(request, "choose.html", {})


# Activation of an existing participant ------------------------------------------------------


@_form_view
def activation_details(request: HttpRequest) -> HttpResponse:
    return ACTIVATION.form_page(
        request,
        ActivationDetailsForm(request.POST or None),
        act=lambda data: activation.start(
            request,
            kpj=data["kpj"],
            nik=data["nik"],
            birth_date=data["birth_date"],
            maiden_name=data["mother_maiden_name"],
        ),
        next_page="portal:activation_code",
        template="activation_details.html",
        step=1,
    )


@ACTIVATION.at(activation.Step.PHONE_CODE)
def activation_code(request: HttpRequest, flow: activation.Flow) -> HttpResponse:
    return ACTIVATION.code_page(
        request,
        verify=lambda code: activation.verify_phone_code(request, code),
        resend=lambda: activation.resend_phone_code(request),
        on_ok=lambda: redirect("portal:activation_email"),
        restart_when_spent=True,
        step=2,
        title=_("Enter the code from the SMS"),
        intro=_(
            "If the details you gave match a participant, we have sent a 6-digit code to the mobile "
            "number on record. It is valid for 5 minutes."
        ),
        help=_(
            "No SMS? Check that the details were right and ask for a new code. If your number has "
            "changed, visit a branch office with your KTP."
        ),
        sent=_(
            "If the details you gave match a participant, we have sent a new code to the mobile "
            "number on record."
        ),
    )


@ACTIVATION.at(activation.Step.EMAIL, activation.Step.EMAIL_CODE)
def activation_email(request: HttpRequest, flow: activation.Flow) -> HttpResponse:
    return ACTIVATION.form_page(
        request,
        EmailForm(request.POST or None, initial={"email": flow.email}),
        act=lambda data: activation.send_email_code(request, data["email"]),
        error_field="email",
        next_page="portal:activation_email_code",
        template="activation_email.html",
        step=3,
    )


@ACTIVATION.at(activation.Step.EMAIL_CODE)
def activation_email_code(request: HttpRequest, flow: activation.Flow) -> HttpResponse:
    return ACTIVATION.code_page(
        request,
        verify=lambda code: activation.verify_email_code(request, code),
        resend=lambda: activation.send_email_code(request, flow.email),
        on_ok=lambda: ACTIVATION.to_current_step(request),
        # A right code for another account's email: the flow is back at the email step.
        right_code_refusal="email_taken",
        show_refusal=True,
        step=4,
        help=_("No email? Check the spam folder, or change the address."),
        change_url="portal:activation_email",
        change_label=_("Change the email"),
        **_email_code_texts(flow.email),
    )


@ACTIVATION.at(activation.Step.PASSWORD)
def activation_password(request: HttpRequest, flow: activation.Flow) -> HttpResponse:
    form = PasswordForm(
        request.POST or None, check=lambda password: activation.validate_password(request, password)
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = activation.complete(request, form.cleaned_data["password1"])
        except ValidationError as error:  # the form checked it already; a race at most
            form.add_error("password1", error)
        else:
            if user is None:
                request.session[activation.DONE_KEY] = "exists"
            return redirect("portal:activation_done")
    return _password_page(request, form, step=5, steps=ACTIVATION.steps)


@never_cache
@require_safe
def activation_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(activation.DONE_KEY)
    if not done:
        return ACTIVATION.to_current_step(request)
    return _page(request, "done.html", {"already": done == "exists"})


# Registration of a self-employed worker (BPU) -------------------------------------------------


@_form_view
def bpu_details(request: HttpRequest) -> HttpResponse:
    return BPU.form_page(
        request,
        BpuDetailsForm(request.POST or None),
        act=lambda data: registration.start(request, data),
        next_page="portal:bpu_phone",
        template="bpu_details.html",
        step=1,
    )


@BPU.at(registration.Step.PHONE_CODE)
def bpu_phone(request: HttpRequest, flow: registration.Flow) -> HttpResponse:
    return BPU.code_page(
        request,
        verify=lambda code: registration.verify_phone_code(request, code),
        resend=lambda: registration.resend_phone_code(request),
        on_ok=lambda: (
            BPU.to_current_step(request)
            if registration.current(request.session)
            else redirect("portal:bpu_existing")
        ),
        restart_when_spent=True,
        # A right code, but the NIK is a member's: the flow has ended.
        right_code_refusal="existing_member",
        step=2,
        title=_("Enter the code from the SMS"),
        intro=_("We have sent a 6-digit code to your mobile number. It is valid for 5 minutes."),
        help=_("No SMS? Check the number and ask for a new code, or start again to correct it."),
        sent=_("We have sent a new code to your mobile number."),
    )


@BPU.at(registration.Step.EMAIL_CODE)
def bpu_email(request: HttpRequest, flow: registration.Flow) -> HttpResponse:
    return BPU.code_page(
        request,
        verify=lambda code: registration.verify_email_code(request, code),
        resend=lambda: registration.resend_email_code(request),
        on_ok=lambda: redirect("portal:bpu_review"),
        step=3,
        help=_("No email? Check the spam folder, ask for a new code, or start again to correct the address."),
        **_email_code_texts(flow.details["email"]),
    )


@BPU.at(registration.Step.REVIEW)
def bpu_review(request: HttpRequest, flow: registration.Flow) -> HttpResponse:
    if request.method == "POST":
        try:
            registration.submit(request)
        except RegistrationError as error:
            if error.code != "existing_member":
                raise
            return redirect("portal:bpu_existing")
        except ValidationError:
            messages.error(request, _("Some details are no longer valid. Enter them again."))
            return redirect("portal:bpu_details")
        return redirect("portal:bpu_submitted")
    application = registration.pending_details(request.session)
    return BPU.page(request, "bpu_review.html", 4, {"application": application})


@require_safe
def bpu_existing(request: HttpRequest) -> HttpResponse:
    return _page(request, "bpu_existing.html", {})


@never_cache
@require_safe
def bpu_submitted(request: HttpRequest) -> HttpResponse:
    status = request.session.get(registration.SUBMITTED_KEY)
    if not status:
        return BPU.to_current_step(request)
    return _page(
        request,
        "bpu_submitted.html",
        {
            "approved": status == ApplicationStatus.APPROVED,
            "link_hours": int(registration.ACTIVATION_LINK_TTL.total_seconds() // 3600),
        },
    )


def _no_referrer(response: HttpResponse) -> HttpResponse:
    # The link carries a secret: no other site may see it in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_safe
def bpu_activate(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link: the token moves into the session and out of the address bar."""
    if registration.user_for_token(token) is None:
        return _no_referrer(_page(request, "bpu_link_invalid.html", {}, status=400))
    request.session[TOKEN_KEY] = token
    return _no_referrer(redirect("portal:bpu_set_password"))


def _link_invalid(request: HttpRequest) -> HttpResponse:
    request.session.pop(TOKEN_KEY, None)
    return _page(request, "bpu_link_invalid.html", {}, status=400)


@_form_view
def bpu_set_password(request: HttpRequest) -> HttpResponse:
    token = str(request.session.get(TOKEN_KEY, ""))
    user = registration.user_for_token(token) if token else None
    if user is None:
        return _link_invalid(request)
    form = PasswordForm(
        request.POST or None, check=lambda password: registration.validate_new_password(user, password)
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration.set_first_password(user, token, form.cleaned_data["password1"], request=request)
        except RegistrationError:
            return _link_invalid(request)
        request.session.pop(TOKEN_KEY, None)
        request.session[ACTIVATED_KEY] = True
        return redirect("portal:bpu_activated")
    return _password_page(request, form)


@never_cache
@require_safe
def bpu_activated(request: HttpRequest) -> HttpResponse:
    if not request.session.get(ACTIVATED_KEY):
        return redirect("portal:bpu_details")
    return _page(request, "done.html", {"already": False})
