"""Signed-in account pages (Keamanan Akun, Aktivitas Akun, ending sessions) and Lupa nomor KPJ.

Every signed-in page shows only the signed-in user's own data and takes no id from the address;
the one id it accepts (a session to end) comes in a POST body and is looked up among the
user's own sessions.
"""

import re
from typing import Any

from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from jamsos.identity import kpj_reminder, unlocking, user_sessions
from jamsos.identity.events import client_ip
from jamsos.identity.forms import IDENTIFIER_MAX_LENGTH, captcha_field
from jamsos.identity.models import EventKind, SecurityEvent, User

EVENTS_PER_PAGE = 20
PHONE_SHOWN = 4
# Indonesian mobile numbers as stored (+62 and the subscriber number starting with 8).
INDONESIAN_MOBILE = re.compile(r"^\+62(8)\d+$")


def mask_phone(phone: str) -> str:
    """+6281234567890 -> "+62 8** **** 7890": enough to recognise one's own number, no more."""
    match = INDONESIAN_MOBILE.match(phone)
    if match:
        return f"+62 {match.group(1)}** **** {phone[-PHONE_SHOWN:]}"
    return "*" * max(len(phone) - PHONE_SHOWN, 0) + phone[-PHONE_SHOWN:]


# (pattern in the User-Agent, name shown); the first match wins, so the specific come first.
BROWSERS = [
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe_device(user_agent: str) -> str:
    """A short, recognisable name for a browser ("Chrome, Android"); never the raw header."""
    browser = next((name for key, name in BROWSERS if key in user_agent), "")
    system = next((name for key, name in SYSTEMS if key in user_agent), "")
    if browser and system:
        return gettext("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or gettext("Unknown device")


def _current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _sign_in_methods(user: User) -> dict[str, Any]:
    authenticators = list(Authenticator.objects.filter(user=user).order_by("created_at"))
    totp = next((a for a in authenticators if a.type == Authenticator.Type.TOTP), None)
    passkeys = [a for a in authenticators if a.type == Authenticator.Type.WEBAUTHN]
    recovery = next((a for a in authenticators if a.type == Authenticator.Type.RECOVERY_CODES), None)
    return {
        "sms_phone": mask_phone(user.phone) if user.phone and user.phone_verified else "",
        "totp": totp,
        "passkeys": [
            {"name": key.wrap().name, "created_at": key.created_at, "last_used_at": key.last_used_at}
            for key in passkeys
        ],
        "recovery_codes": recovery,
        "recovery_unused": len(recovery.wrap().get_unused_codes()) if recovery else 0,
        "has_strong_factor": bool(totp or passkeys),
    }


@require_safe
@never_cache
@login_required
def security(request: HttpRequest) -> HttpResponse:
    """Keamanan Akun: sign-in methods, password, signed-in devices."""
    user = _current_user(request)
    sessions = [
        {
            "id": session.pk,
            "device": describe_device(session.user_agent),
            "ip": session.ip,
            "last_seen": session.last_seen_at or session.created_at,
            "started": session.created_at,
            "current": session.is_current(),
        }
        for session in user_sessions.sessions_of(user)
    ]
    context = {
        **_sign_in_methods(user),
        "sessions": sessions,
        "other_sessions": sum(1 for s in sessions if not s["current"]),
    }
    return render(request, "portal/security.html", context)


@require_POST
@login_required
def end_session(request: HttpRequest) -> HttpResponse:
    """Ends one of the user's sessions (field `session`) or all the others (field `others`)."""
    user = _current_user(request)
    target = reverse("portal:security")
    if "others" in request.POST:
        ended = user_sessions.end_other_sessions(request, user)
        if ended:
            messages.success(request, gettext("The other devices were signed out."))
        return HttpResponseRedirect(target)
    raw = request.POST.get("session", "")
    if not raw.isdigit() or not user_sessions.end_session(request, user, int(raw)):
        messages.error(request, gettext("That session had already ended."))
        return HttpResponseRedirect(target)
    if not request.user.is_authenticated:  # the member ended the session of this browser
        return HttpResponseRedirect(reverse("account_login"))
    messages.success(request, gettext("That device was signed out."))
    return HttpResponseRedirect(target)


@require_safe
@never_cache
@login_required
def activity(request: HttpRequest) -> HttpResponse:
    """Aktivitas Akun: the user's security events, newest first."""
    events = SecurityEvent.objects.filter(user=_current_user(request)).order_by("-created_at", "-id")
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "time": event.created_at,
            "label": event.get_kind_display(),
            "device": describe_device(event.user_agent) if event.user_agent else "",
            "ip": event.ip_address or "",
            "by_officer": event.actor_id is not None and event.actor_id != event.user_id,
            "method": unlocking.method_label(event.detail) if event.kind == EventKind.UNLOCKED else "",
        }
        for event in page.object_list
    ]
    return render(request, "portal/security_activity.html", {"page": page, "rows": rows})


class KpjReminderForm(forms.Form):
    identifier = forms.CharField(
        label=_("NIK or email"),
        max_length=IDENTIFIER_MAX_LENGTH,
        help_text=_("Your 16-digit NIK from your KTP, or the email address you verified with jamsos."),
        widget=forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, captcha: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if captcha:
            self.fields["captcha"] = captcha_field()

    def clean_identifier(self) -> str:
        value = str(self.cleaned_data["identifier"]).strip()
        if not kpj_reminder.accepts(value):
            raise forms.ValidationError(
                _("Type your 16-digit NIK or your email address."), code="not_nik_or_email"
            )
        return value


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def kpj_reminder_request(request: HttpRequest) -> HttpResponse:
    """Lupa nomor KPJ: the same answer whether or not the details match an account."""
    ip = client_ip(request) or ""
    data = request.POST if request.method == "POST" else None
    form = KpjReminderForm(data, captcha=kpj_reminder.needs_captcha(ip))
    if form.is_bound and form.is_valid():
        try:
            kpj_reminder.request_reminder(form.cleaned_data["identifier"], ip=ip, request=request)
        except kpj_reminder.TooManyRequestsError:
            context = {"form": KpjReminderForm(captcha=True), "limited": True}
            return render(request, "portal/account_kpj_reminder.html", context, status=429)
        return HttpResponseRedirect(reverse("portal:kpj_reminder_sent"))
    return render(request, "portal/account_kpj_reminder.html", {"form": form})


@require_safe
def kpj_reminder_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/account_kpj_reminder_sent.html")
