"""The ledger in the officers' admin: read only (corrections are reversing postings)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from jamsos.ledger.models import Account, Entry, Posting


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Account)
class AccountAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "programme", "member", "employer", "balance"]
    list_filter = ["kind", "programme"]
    raw_id_fields = ["member", "employer"]


class EntryInline(admin.TabularInline):
    model = Entry
    extra = 0
    can_delete = False
    readonly_fields = ["account", "amount", "programme", "contribution_month"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Posting)
class PostingAdmin(ReadOnlyAdmin):
    list_display = ["posted_at", "source_key", "description", "reverses"]
    search_fields = ["source_key"]
    inlines = [EntryInline]
