"""Routes of the signed-in account pages (security, devices, activity) and Lupa nomor KPJ."""

from django.urls import path

from jamsos.portal import views_account

urlpatterns = [
    path("akun/keamanan/", views_account.security, name="security"),
    path("akun/keamanan/akhiri-sesi/", views_account.end_session, name="end_session"),
    path("akun/aktivitas/", views_account.activity, name="activity"),
    path("lupa-nomor-kpj/", views_account.kpj_reminder_request, name="kpj_reminder"),
    path("lupa-nomor-kpj/terkirim/", views_account.kpj_reminder_sent, name="kpj_reminder_sent"),
]
