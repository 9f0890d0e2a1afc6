"""Admin for members. The NIK is not searchable here: a search would put it in the URL."""

from collections.abc import Callable
from functools import partial
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

APPLICANT_FIELDS = (
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
)
DECISION_RECORD_FIELDS = ("status", "decided_at", "decided_by", "decision_reason", "member")
DECISION_INPUTS = ("decision", "reason")  # the form's own fields, while the application is pending


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
        (_("Applicant"), {"fields": APPLICANT_FIELDS}),
        (_("Checks"), {"fields": ["review_summary"]}),
        (_("Decision"), {"fields": [*DECISION_RECORD_FIELDS, *DECISION_INPUTS]}),
    ]
    readonly_fields = [*APPLICANT_FIELDS, "review_summary", *DECISION_RECORD_FIELDS]

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
                    {**options, "fields": [f for f in options["fields"] if f not in DECISION_INPUTS]},
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
        officer = _officer(request)
        decide: Callable[[], object]
        if decision == "approve":
            decide = partial(registration.approve, obj, by=officer, request=request)
            done = _("Approved: the member has a KPJ number and an activation email.")
        elif decision == "reject":
            decide = partial(registration.reject, obj, by=officer, reason=form.cleaned_data["reason"])
            done = _("Rejected: the reason was emailed to the applicant.")
        else:
            return
        if self._decide(request, decide):
            self.message_user(request, done)

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: Any) -> None:
        officer = _officer(request)
        approved = 0
        for application in queryset.filter(status=ApplicationStatus.PENDING):
            approve = partial(registration.approve, application, by=officer, request=request)
            if self._decide(request, approve, about=f"{application}: "):
                approved += 1
        self.message_user(
            request,
            ngettext("%(count)d application approved.", "%(count)d applications approved.", approved)
            % {"count": approved},
        )

    def _decide(self, request: HttpRequest, decision: Callable[[], object], about: str = "") -> bool:
        """Carries out an officer's decision; whether it went through (if not, says why)."""
        try:
            decision()
        except (RegistrationError, ValidationError) as error:
            self.message_user(request, f"{about}{_decision_error(error)}", level=messages.ERROR)
            return False
        return True


def _officer(request: HttpRequest) -> User:
    officer = request.user
    assert isinstance(officer, User)
    return officer


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
