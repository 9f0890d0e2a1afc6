"""Routes of the web portal."""

from django.urls import path

from jamsos.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    # Indonesian paths: they are what members type and read aloud at a branch.
    path("kantor-cabang/", views.branches, name="branches"),
    path("tanya-jawab/", views.faq_list, name="faq"),
    path("healthz", views.healthz, name="healthz"),
    path("akun/saya/", views.account, name="account"),
]
