"""Officer pages: users, locked accounts (with the unlock that records how the person was
verified) and the security events, which nobody can edit."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jamsos.identity import lockout, unlocking
from jamsos.identity.models import AccountLock, SecurityEvent, User

admin.site.register(User, UserAdmin)

NIK_SHOWN = 4


def masked_nik(nik: str) -> str:
    """Enough of the NIK to compare with a KTP's last digits, never the whole number."""
    return "*" * (len(nik) - NIK_SHOWN) + nik[-NIK_SHOWN:] if nik else ""


class UnlockForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How did you verify the person?"),
        choices=unlocking.UnlockMethod.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=unlocking.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What you checked, for example the branch and the document. Do not write the NIK or "
            "other personal data here."
        ),
    )


@admin.register(AccountLock)
class AccountLockAdmin(admin.ModelAdmin):
    """Only the accounts locked now (for a while or permanently), each with its unlock page."""

    list_display = (
        "account",
        "nik_end",
        "failures",
        "locked_until",
        "permanent",
        "last_failure_at",
        "unlock",
    )
    list_select_related = ("user",)
    search_fields = ("user__username", "user__first_name", "user__last_name")

    def get_queryset(self, request: HttpRequest) -> QuerySet[AccountLock]:
        # The same accounts lockout.locked_accounts() names, so the two never disagree.
        locked = [lock.pk for lock in lockout.locked_accounts()]
        return super().get_queryset(request).filter(pk__in=locked).order_by("-last_failure_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a lock changes only through the unlock page, which records why

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def can_unlock(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("identity.change_accountlock"))

    @admin.display(description=_("account"))
    def account(self, lock: AccountLock) -> str:
        name = lock.user.get_full_name()
        return f"{name} ({lock.user.username})" if name else lock.user.username

    @admin.display(description=_("NIK"))
    def nik_end(self, lock: AccountLock) -> str:
        return masked_nik(lock.user.nik)

    @admin.display(description=_("permanent"), boolean=True)
    def permanent(self, lock: AccountLock) -> bool:
        return lock.failures >= lockout.PERMANENT_AFTER

    @admin.display(description=_("unlock"))
    def unlock(self, lock: AccountLock) -> str:
        url = reverse("admin:identity_accountlock_unlock", args=[lock.pk])
        return format_html('<a href="{}">{}</a>', url, _("Verify and unlock"))

    def get_urls(self) -> list[URLPattern]:
        unlock = path(
            "<int:lock_id>/unlock/",
            self.admin_site.admin_view(self.unlock_view),
            name="identity_accountlock_unlock",
        )
        return [unlock, *super().get_urls()]

    def unlock_view(self, request: HttpRequest, lock_id: int) -> HttpResponse:
        if not self.can_unlock(request):
            raise PermissionDenied
        lock = get_object_or_404(AccountLock.objects.select_related("user"), pk=lock_id)
        changelist = reverse("admin:identity_accountlock_changelist")
        if not lockout.is_locked(lock.user, "") and lock.failures < lockout.PERMANENT_AFTER:
            messages.info(request, _("This account is not locked any more."))
            return HttpResponseRedirect(changelist)
        form = UnlockForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            unlocking.unlock_account(
                lock.user,
                officer=request.user,
                method=form.cleaned_data["method"],
                note=form.cleaned_data["note"],
                request=request,
            )
            messages.success(request, _("The account is unlocked; the member can sign in again."))
            return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Unlock account"),
            "lock": lock,
            "account": self.account(lock),
            "nik_end": masked_nik(lock.user.nik),
            "permanent": self.permanent(lock),
            "form": form,
        }
        return TemplateResponse(request, "admin/identity/accountlock/unlock.html", context)


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """The activity record is evidence: officers read it, nobody edits or deletes it."""

    list_display = ("created_at", "user", "kind", "ip_address", "actor", "detail")
    list_filter = ("kind",)
    list_select_related = ("user", "actor")
    search_fields = ("user__username",)
    readonly_fields = ("user", "kind", "created_at", "ip_address", "user_agent", "actor", "detail")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
