"""Top-level URL routes."""

from allauth.account import views as account_views
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path

from jamsos.identity.views import no_referrer

# The admin has no login page of its own: officers sign in through the same pages, second
# factor and lockout as everyone else (security.md AZ-04).
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("akun/", include("allauth.urls")),
    # The sign-on pages members are told about, at Indonesian addresses. They come after
    # allauth's own: when two patterns share a name, reverse() uses the last one, so every link
    # and redirect to these names (LOGIN_URL, the reset link) lands here. The rest of allauth
    # stays under akun/.
    path("masuk/", account_views.login, name="account_login"),
    path("keluar/", account_views.logout, name="account_logout"),
    path("lupa-kata-sandi/", account_views.password_reset, name="account_reset_password"),
    re_path(
        r"^lupa-kata-sandi/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        no_referrer(account_views.password_reset_from_key),
        name="account_reset_password_from_key",
    ),
    path("captcha/", include("captcha.urls")),
    path("", include("jamsos.portal.urls")),
]
