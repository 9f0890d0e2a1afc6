"""Routes of the web portal."""

from django.urls import include, path

from jamsos.portal import views, views_contact

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    # Indonesian paths: they are what members type and read aloud at a branch.
    path("kantor-cabang/", views.branches, name="branches"),
    path("tanya-jawab/", views.faq_list, name="faq"),
    path("healthz", views.healthz, name="healthz"),
    path("akun/saya/", views.account, name="account"),
    path("akun/ubah-nomor-hp/", views_contact.change_phone, name="change_phone"),
    # Signed-in account pages (security, devices, activity) and the demo outbox.
    path("", include("jamsos.portal.urls_account")),
    # Daftar: activation of existing participants and registration of self-employed workers.
    path("", include("jamsos.portal.urls_signup")),
    # /dev/outbox: recorded SMS and email, only with DEBUG on (views refuse otherwise).
    path("", include("jamsos.portal.urls_dev")),
]
