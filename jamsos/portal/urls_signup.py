"""Routes of Daftar: activation of existing participants, registration of self-employed workers.

No route carries a NIK or a KPJ; the only secret in a path is the activation token of an
approved BPU worker, which is moved into the session on first use.
"""

from django.urls import path

from jamsos.portal import views_signup as views

urlpatterns = [
    path("daftar/", views.signup, name="signup"),
    path("daftar/aktivasi/", views.activation_details, name="activation_details"),
    path("daftar/aktivasi/kode/", views.activation_code, name="activation_code"),
    path("daftar/aktivasi/email/", views.activation_email, name="activation_email"),
    path("daftar/aktivasi/email/kode/", views.activation_email_code, name="activation_email_code"),
    path("daftar/aktivasi/kata-sandi/", views.activation_password, name="activation_password"),
    path("daftar/aktivasi/selesai/", views.activation_done, name="activation_done"),
    path("daftar/bpu/", views.bpu_details, name="bpu_details"),
    path("daftar/bpu/kode-telepon/", views.bpu_phone, name="bpu_phone"),
    path("daftar/bpu/kode-email/", views.bpu_email, name="bpu_email"),
    path("daftar/bpu/periksa/", views.bpu_review, name="bpu_review"),
    path("daftar/bpu/sudah-terdaftar/", views.bpu_existing, name="bpu_existing"),
    path("daftar/bpu/terkirim/", views.bpu_submitted, name="bpu_submitted"),
    path("daftar/bpu/kata-sandi/", views.bpu_set_password, name="bpu_set_password"),
    path("daftar/bpu/selesai/", views.bpu_activated, name="bpu_activated"),
    path("daftar/bpu/aktifkan/<str:token>/", views.bpu_activate, name="bpu_activate"),
]
