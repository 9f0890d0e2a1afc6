"""Admin for users."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from jamsos.identity.models import User

admin.site.register(User, UserAdmin)
