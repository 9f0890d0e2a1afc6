"""Daftar: the pages of activation (existing participants) and BPU registration.

The pages only translate between HTTP and the domain flows (jamsos.identity.activation and
jamsos.members.registration), which keep each flow's state in the session and enforce the
order of the steps. A page reached out of order redirects to the step the flow is at (or the
start): nothing is changed (security.md VAL-02). No NIK or KPJ is ever put in a URL.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from jamsos.identity import activation
from jamsos.identity.activation import ActivationError, CodeResult
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
ACTIVATION_STEPS = 5
BPU_STEPS = 4

ACTIVATION_URLS: dict[str, str] = {
    activation.Step.PHONE_CODE: "portal:activation_code",
    activation.Step.EMAIL: "portal:activation_email",
    activation.Step.EMAIL_CODE: "portal:activation_email_code",
    activation.Step.PASSWORD: "portal:activation_password",
}
BPU_URLS: dict[str, str] = {
    registration.Step.PHONE_CODE: "portal:bpu_phone",
    registration.Step.EMAIL_CODE: "portal:bpu_email",
    registration.Step.REVIEW: "portal:bpu_review",
}


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


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, f"portal/signup/{template}", context, status=status)


def _code_page(request: HttpRequest, form: CodeForm, **context: Any) -> HttpResponse:
    return _page(request, "code.html", {"form": form, **context})


def _code_step(
    request: HttpRequest,
    *,
    verify: Callable[[str], CodeResult],
    resend: Callable[[], None],
    exhausted: Callable[[], HttpResponse | None],
    on_ok: Callable[[], HttpResponse],
    sent_notice: str,
    errors: Callable[[Exception], str | None],
) -> tuple[CodeForm, HttpResponse | None]:
    """The shared handling of a code page: check a code, or send a new one."""
    if request.method != "POST":
        return CodeForm(), None
    if request.POST.get("action") == "resend":
        try:
            resend()
        except (ActivationError, RegistrationError) as error:
            message = errors(error)
            if message is None:
                raise
            messages.error(request, message)
        else:
            messages.success(request, sent_notice)
        return CodeForm(), redirect(request.path)  # after a POST, a GET: reloading sends nothing
    form = CodeForm(request.POST)
    if not form.is_valid():
        return form, None
    result = verify(form.cleaned_data["code"])
    text = _messages()
    if result == CodeResult.OK:
        return form, on_ok()
    if result == CodeResult.EXHAUSTED:
        response = exhausted()
        if response is not None:
            return form, response
        form.add_error("code", text["email_exhausted"])
    elif result == CodeResult.EXPIRED:
        form.add_error("code", text["expired"])
    else:
        form.add_error("code", text["wrong"])
    return form, None


def _error_text(error: Exception) -> str | None:
    return _messages().get(getattr(error, "code", ""))


# Choice -------------------------------------------------------------------------------------


@require_safe
def signup(request: HttpRequest) -> HttpResponse:
    return _page(request, "choose.html", {})


# Activation of an existing participant ------------------------------------------------------


def _to_activation_step(request: HttpRequest) -> HttpResponseRedirect:
    step = activation.current_step(request.session)
    return redirect(
        ACTIVATION_URLS.get(step, "portal:activation_details") if step else "portal:activation_details"
    )


@never_cache
@require_http_methods(["GET", "POST"])
def activation_details(request: HttpRequest) -> HttpResponse:
    form = ActivationDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            activation.start(
                request,
                kpj=data["kpj"],
                nik=data["nik"],
                birth_date=data["birth_date"],
                maiden_name=data["mother_maiden_name"],
            )
        except ActivationError as error:
            form.add_error(None, _error_text(error) or "")
        else:
            return redirect("portal:activation_code")
    return _page(request, "activation_details.html", {"form": form, "step": 1, "steps": ACTIVATION_STEPS})


@never_cache
@require_http_methods(["GET", "POST"])
def activation_code(request: HttpRequest) -> HttpResponse:
    if activation.current_step(request.session) != activation.Step.PHONE_CODE:
        return _to_activation_step(request)

    def exhausted() -> HttpResponse:
        messages.error(request, _messages()["restart"])
        return redirect("portal:activation_details")

    form, response = _code_step(
        request,
        verify=lambda code: activation.verify_phone_code(request, code),
        resend=lambda: activation.resend_phone_code(request),
        exhausted=exhausted,
        on_ok=lambda: redirect("portal:activation_email"),
        sent_notice=_(
            "If the details you gave match a participant, we have sent a new code to the mobile "
            "number on record."
        ),
        errors=_error_text,
    )
    if response is not None:
        return response
    return _code_page(
        request,
        form,
        title=_("Enter the code from the SMS"),
        intro=_(
            "If the details you gave match a participant, we have sent a 6-digit code to the mobile "
            "number on record. It is valid for 5 minutes."
        ),
        help=_(
            "No SMS? Check that the details were right and ask for a new code. If your number has "
            "changed, visit a branch office with your KTP."
        ),
        step=2,
        steps=ACTIVATION_STEPS,
        restart_url="portal:activation_details",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def activation_email(request: HttpRequest) -> HttpResponse:
    flow = activation.current(request.session)
    if flow is None or flow.step not in (activation.Step.EMAIL, activation.Step.EMAIL_CODE):
        return _to_activation_step(request)
    form = EmailForm(request.POST or None, initial={"email": flow.email})
    if request.method == "POST" and form.is_valid():
        try:
            activation.send_email_code(request, form.cleaned_data["email"])
        except ActivationError as error:
            form.add_error("email", _error_text(error) or "")
        else:
            return redirect("portal:activation_email_code")
    return _page(request, "activation_email.html", {"form": form, "step": 3, "steps": ACTIVATION_STEPS})


@never_cache
@require_http_methods(["GET", "POST"])
def activation_email_code(request: HttpRequest) -> HttpResponse:
    flow = activation.current(request.session)
    if flow is None or flow.step != activation.Step.EMAIL_CODE:
        return _to_activation_step(request)

    def verify(code: str) -> CodeResult:
        try:
            return activation.verify_email_code(request, code)
        except ActivationError as error:
            if error.code != "email_taken":
                raise
            messages.error(request, _messages()["email_taken"])
            return CodeResult.OK

    def on_ok() -> HttpResponse:
        return _to_activation_step(request)

    form, response = _code_step(
        request,
        verify=verify,
        resend=lambda: activation.send_email_code(request, flow.email),
        exhausted=lambda: None,
        on_ok=on_ok,
        sent_notice=_("We have sent a new code to your email."),
        errors=_error_text,
    )
    if response is not None:
        return response
    return _code_page(
        request,
        form,
        title=_("Enter the code from the email"),
        intro=_("We have sent a 6-digit code to %(email)s. It is valid for 30 minutes.")
        % {"email": flow.email},
        help=_("No email? Check the spam folder, or change the address."),
        change_url="portal:activation_email",
        change_label=_("Change the email"),
        step=4,
        steps=ACTIVATION_STEPS,
        restart_url="portal:activation_details",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def activation_password(request: HttpRequest) -> HttpResponse:
    if activation.current_step(request.session) != activation.Step.PASSWORD:
        return _to_activation_step(request)
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
    return _page(
        request,
        "password.html",
        {
            "form": form,
            "title": _("Choose a password"),
            "intro": _("You will sign in with your KPJ number, NIK or email, this password and an SMS code."),
            "step": 5,
            "steps": ACTIVATION_STEPS,
        },
    )


@never_cache
@require_safe
def activation_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(activation.DONE_KEY)
    if not done:
        return _to_activation_step(request)
    return _page(request, "done.html", {"already": done == "exists"})


# Registration of a self-employed worker (BPU) -------------------------------------------------


def _to_bpu_step(request: HttpRequest) -> HttpResponseRedirect:
    step = registration.current_step(request.session)
    return redirect(BPU_URLS.get(step, "portal:bpu_details") if step else "portal:bpu_details")


@never_cache
@require_http_methods(["GET", "POST"])
def bpu_details(request: HttpRequest) -> HttpResponse:
    form = BpuDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration.start(request, form.cleaned_data)
        except RegistrationError as error:
            form.add_error(None, _error_text(error) or "")
        else:
            return redirect("portal:bpu_phone")
    return _page(request, "bpu_details.html", {"form": form, "step": 1, "steps": BPU_STEPS})


@never_cache
@require_http_methods(["GET", "POST"])
def bpu_phone(request: HttpRequest) -> HttpResponse:
    if registration.current_step(request.session) != registration.Step.PHONE_CODE:
        return _to_bpu_step(request)

    def verify(code: str) -> CodeResult:
        try:
            return registration.verify_phone_code(request, code)
        except RegistrationError as error:
            if error.code != "existing_member":
                raise
            return CodeResult.OK

    def exhausted() -> HttpResponse:
        messages.error(request, _messages()["restart"])
        return redirect("portal:bpu_details")

    form, response = _code_step(
        request,
        verify=verify,
        resend=lambda: registration.resend_phone_code(request),
        exhausted=exhausted,
        on_ok=lambda: (
            _to_bpu_step(request)
            if registration.current(request.session)
            else redirect("portal:bpu_existing")
        ),
        sent_notice=_("We have sent a new code to your mobile number."),
        errors=_error_text,
    )
    if response is not None:
        return response
    return _code_page(
        request,
        form,
        title=_("Enter the code from the SMS"),
        intro=_("We have sent a 6-digit code to your mobile number. It is valid for 5 minutes."),
        help=_("No SMS? Check the number and ask for a new code, or start again to correct it."),
        step=2,
        steps=BPU_STEPS,
        restart_url="portal:bpu_details",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def bpu_email(request: HttpRequest) -> HttpResponse:
    flow = registration.current(request.session)
    if flow is None or flow.step != registration.Step.EMAIL_CODE:
        return _to_bpu_step(request)
    form, response = _code_step(
        request,
        verify=lambda code: registration.verify_email_code(request, code),
        resend=lambda: registration.resend_email_code(request),
        exhausted=lambda: None,
        on_ok=lambda: redirect("portal:bpu_review"),
        sent_notice=_("We have sent a new code to your email."),
        errors=_error_text,
    )
    if response is not None:
        return response
    return _code_page(
        request,
        form,
        title=_("Enter the code from the email"),
        intro=_("We have sent a 6-digit code to %(email)s. It is valid for 30 minutes.")
        % {"email": flow.details["email"]},
        help=_("No email? Check the spam folder, ask for a new code, or start again to correct the address."),
        step=3,
        steps=BPU_STEPS,
        restart_url="portal:bpu_details",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def bpu_review(request: HttpRequest) -> HttpResponse:
    if registration.current_step(request.session) != registration.Step.REVIEW:
        return _to_bpu_step(request)
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
    return _page(request, "bpu_review.html", {"application": application, "step": 4, "steps": BPU_STEPS})


@require_safe
def bpu_existing(request: HttpRequest) -> HttpResponse:
    return _page(request, "bpu_existing.html", {})


@never_cache
@require_safe
def bpu_submitted(request: HttpRequest) -> HttpResponse:
    status = request.session.get(registration.SUBMITTED_KEY)
    if not status:
        return _to_bpu_step(request)
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


@never_cache
@require_http_methods(["GET", "POST"])
def bpu_set_password(request: HttpRequest) -> HttpResponse:
    token = str(request.session.get(TOKEN_KEY, ""))
    user = registration.user_for_token(token) if token else None
    if user is None:
        request.session.pop(TOKEN_KEY, None)
        return _page(request, "bpu_link_invalid.html", {}, status=400)
    form = PasswordForm(
        request.POST or None, check=lambda password: registration.validate_new_password(user, password)
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration.set_first_password(user, token, form.cleaned_data["password1"], request=request)
        except RegistrationError:
            request.session.pop(TOKEN_KEY, None)
            return _page(request, "bpu_link_invalid.html", {}, status=400)
        request.session.pop(TOKEN_KEY, None)
        request.session[ACTIVATED_KEY] = True
        return redirect("portal:bpu_activated")
    return _page(
        request,
        "password.html",
        {
            "form": form,
            "title": _("Choose a password"),
            "intro": _("You will sign in with your KPJ number, NIK or email, this password and an SMS code."),
        },
    )


@never_cache
@require_safe
def bpu_activated(request: HttpRequest) -> HttpResponse:
    if not request.session.get(ACTIVATED_KEY):
        return redirect("portal:bpu_details")
    return _page(request, "done.html", {"already": False})
