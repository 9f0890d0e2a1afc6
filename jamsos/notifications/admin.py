"""The recorded messages are read-only in the admin."""

from django.contrib import admin

from jamsos.notifications.models import RecordedEmail, RecordedSms


@admin.register(RecordedSms)
class RecordedSmsAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(RecordedEmail)
class RecordedEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
