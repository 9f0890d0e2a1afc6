"""Public pages: home, branch directory, FAQ, and the health check."""

import re
import secrets
from functools import reduce
from operator import and_, or_

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jamsos.portal import faq
from jamsos.reference.models import Branch

# Long enough for any real search, short enough that a pasted essay cannot become a query
# with hundreds of LIKE clauses.
MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 6
BRANCH_SEARCH_FIELDS = ("name", "city", "province", "code", "address")


def search_words(request: HttpRequest) -> tuple[str, list[str]]:
    """The cleaned `q` parameter and its words (at most MAX_QUERY_WORDS of them)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    return query, query.split()[:MAX_QUERY_WORDS]


def tel_href(phone: str) -> str:
    """A tel: link target: digits and a leading + only, so '(021) 123-45' dials on a phone."""
    return re.sub(r"(?!^\+)[^\d]", "", phone.strip())


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@require_safe
def branches(request: HttpRequest) -> HttpResponse:
    """The branch office directory; every word of `q` must match one of the searched fields."""
    query, words = search_words(request)
    rows = Branch.objects.order_by("province", "city", "name")
    if words:
        per_word = [
            reduce(or_, (Q(**{f"{field}__icontains": word}) for field in BRANCH_SEARCH_FIELDS))
            for word in words
        ]
        rows = rows.filter(reduce(and_, per_word))
    # One query: the list is evaluated once and counted in Python, not with a second COUNT.
    offices = [(branch, tel_href(branch.phone)) for branch in rows]
    return render(
        request, "portal/branches.html", {"query": query, "offices": offices, "total": len(offices)}
    )


@require_safe
def faq_list(request: HttpRequest) -> HttpResponse:
    """The FAQ, filtered in the active language when `q` is given."""
    query, words = search_words(request)
    entries = faq.search(words)
    return render(
        request,
        "portal/faq.html",
        {"query": query, "entries": entries, "total": len(entries), "all_total": len(faq.ENTRIES)},
    )


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to reach the database is a failed check
        return "error"
    return "ok"


def _check_cache() -> str:
    # A random value per call, so two checks running at once cannot pass on each other's write.
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key)
        cache.delete(key)
    except Exception:  # an unreachable cache server raises; that is a failed check
        return "error"
    return "ok" if answered == value else "error"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Answers 200 when the database and the cache answer, 503 otherwise; JSON either way."""
    checks = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The signed-in landing page (the member dashboard arrives with issue 6)."""
    return render(request, "portal/account.html", {})
