"""Admin for members. The NIK is not searchable here: a search would put it in the URL."""

from django.contrib import admin

from jamsos.members.models import EmploymentPeriod, EmploymentWage, Member


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
