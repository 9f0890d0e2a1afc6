"""Admin for reference data."""

from django.contrib import admin

from jamsos.reference.models import Branch, MinimumWage, Region


class MinimumWageInline(admin.TabularInline):
    model = MinimumWage
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province"]
    search_fields = ["code", "name", "province"]
    inlines = [MinimumWageInline]


@admin.register(Branch)
class BranchAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "city", "province"]
    search_fields = ["code", "name", "city", "address"]
