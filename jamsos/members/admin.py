"""Admin for members. The NIK is not searchable here: a search would put it in the URL."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jamsos.identity.models import User
from jamsos.members import registration
from jamsos.members.models import ApplicationStatus, BpuApplication, EmploymentPeriod, EmploymentWage, Member
from jamsos.members.registration import RegistrationError


class EmploymentPeriodInline(admin.TabularInline):
    model = EmploymentPeriod
    extra = 0
    autocomplete_fields = ["employer"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["kpj", "full_name", "masked_nik", "segment", "status"]
    list_filter = ["segment", "status"]
    search_fields = ["kpj", "full_name"]
    inlines = [EmploymentPeriodInline]


@admin.register(EmploymentWage)
class EmploymentWageAdmin(admin.ModelAdmin):
    list_display = ["period", "valid_from", "monthly_wage"]
    raw_id_fields = ["period"]


# Registration of self-employed workers (BPU) ------------------------------------------------


class BpuDecisionForm(forms.ModelForm):
    """An officer's decision on a pending application; every stored field is read-only."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[("", _("Not decided yet")), ("approve", _("Approve")), ("reject", _("Reject"))],
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to reject: it is emailed to the applicant. Write it so they can act on it."),
    )

    class Meta:
        model = BpuApplication
        fields: list[str] = []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "reject" and not str(cleaned.get("reason", "")).strip():
            self.add_error("reason", _("Give the reason for the rejection."))
        return cleaned


@admin.register(BpuApplication)
class BpuApplicationAdmin(admin.ModelAdmin):
    """Officers approve or reject pending applications; the domain module does the writing."""

    form = BpuDecisionForm
    list_display = ["full_name", "masked_nik", "submitted_at", "status", "review_summary", "decided_by"]
    list_filter = ["status"]
    search_fields = ["full_name"]  # never the NIK: the search would put it in the URL
    actions = ["approve_selected"]
    fieldsets = [
        (
            _("Applicant"),
            {
                "fields": [
                    "full_name",
                    "masked_nik",
                    "kk_number",
                    "birth_date",
                    "sex",
                    "address",
                    "phone",
                    "phone_verified_at",
                    "email",
                    "email_verified_at",
                    "occupation",
                    "declared_income",
                    "includes_jht",
                    "submitted_at",
                ]
            },
        ),
        (_("Checks"), {"fields": ["review_summary"]}),
        (
            _("Decision"),
            {
                "fields": [
                    "status",
                    "decided_at",
                    "decided_by",
                    "decision_reason",
                    "member",
                    "decision",
                    "reason",
                ]
            },
        ),
    ]
    readonly_fields = [
        "full_name",
        "masked_nik",
        "kk_number",
        "birth_date",
        "sex",
        "address",
        "phone",
        "phone_verified_at",
        "email",
        "email_verified_at",
        "occupation",
        "declared_income",
        "includes_jht",
        "submitted_at",
        "review_summary",
        "status",
        "decided_at",
        "decided_by",
        "decision_reason",
        "member",
    ]

    @admin.display(description=_("NIK"))
    def masked_nik(self, obj: BpuApplication) -> str:
        return obj.masked_nik

    @admin.display(description=_("Checks that need an officer"))
    def review_summary(self, obj: BpuApplication) -> str:
        return "; ".join(str(registration.CHECKS.get(code, code)) for code in obj.review_reasons) or "-"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # applications come from the online form only

    def has_delete_permission(self, request: HttpRequest, obj: BpuApplication | None = None) -> bool:
        return False  # the record of who decided what is kept

    def get_fieldsets(self, request: HttpRequest, obj: BpuApplication | None = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.status != ApplicationStatus.PENDING:
            # A decided application is final: no decision fields.
            return [
                (
                    name,
                    {**options, "fields": [f for f in options["fields"] if f not in ("decision", "reason")]},
                )
                for name, options in fieldsets
            ]
        return fieldsets

    def get_form(
        self, request: HttpRequest, obj: BpuApplication | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is not None and obj.status != ApplicationStatus.PENDING:
            kwargs["fields"] = []
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request: HttpRequest, obj: BpuApplication, form: Any, change: bool) -> None:
        # Nothing on the application is editable: only the decision is acted on.
        decision = form.cleaned_data.get("decision") if "decision" in form.cleaned_data else ""
        officer = request.user
        assert isinstance(officer, User)
        try:
            if decision == "approve":
                registration.approve(obj, by=officer, request=request)
                self.message_user(
                    request, _("Approved: the member has a KPJ number and an activation email.")
                )
            elif decision == "reject":
                registration.reject(obj, by=officer, reason=form.cleaned_data["reason"])
                self.message_user(request, _("Rejected: the reason was emailed to the applicant."))
        except (RegistrationError, ValidationError) as error:
            self.message_user(request, _decision_error(error), level=messages.ERROR)

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: Any) -> None:
        officer = request.user
        assert isinstance(officer, User)
        approved = 0
        for application in queryset.filter(status=ApplicationStatus.PENDING):
            try:
                registration.approve(application, by=officer, request=request)
            except (RegistrationError, ValidationError) as error:
                self.message_user(request, f"{application}: {_decision_error(error)}", level=messages.ERROR)
            else:
                approved += 1
        self.message_user(
            request,
            ngettext("%(count)d application approved.", "%(count)d applications approved.", approved)
            % {"count": approved},
        )


def _decision_error(error: Exception) -> str:
    code = getattr(error, "code", "")
    texts = {
        "already_decided": _("This application was already decided."),
        "existing_member": _(
            "This NIK already has a membership: reject the application and tell the person."
        ),
        "email_taken": _(
            "Another account uses this email: reject the application and ask for another email."
        ),
        "reason_required": _("Give the reason for the rejection."),
    }
    return str(texts.get(code, _("The application could not be approved: %(error)s") % {"error": error}))
