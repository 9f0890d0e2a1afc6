"""/dev/outbox: what the demo would have sent by SMS and email, and the demo accounts' TOTP codes.

Only with settings.DEV_OUTBOX (on with DEBUG, i.e. the demo); otherwise the address does not
exist (404). The route is always there and the view decides, so a test can switch the setting.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jamsos.identity import demo
from jamsos.notifications.models import RecordedEmail, RecordedSms

OUTBOX_LIMIT = 50


@never_cache
@require_safe
def outbox(request: HttpRequest) -> HttpResponse:
    if not settings.DEV_OUTBOX:
        raise Http404
    context = {
        "sms": RecordedSms.objects.order_by("-created_at", "-id")[:OUTBOX_LIMIT],
        "emails": RecordedEmail.objects.order_by("-created_at", "-id")[:OUTBOX_LIMIT],
        "totp_codes": demo.current_totp_codes(),
        "limit": OUTBOX_LIMIT,
    }
    response = render(request, "portal/dev_outbox.html", context)
    # It shows sign-in codes: never in a search engine, never in a cache.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
