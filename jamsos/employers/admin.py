"""Admin for employers."""

from django.contrib import admin

from jamsos.employers.models import Employer


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["npp", "name", "risk_class", "industry", "branch"]
    list_filter = ["risk_class", "industry", "branch"]
    search_fields = ["npp", "name"]
    autocomplete_fields = ["branch", "region"]
