"""Routes of the web portal."""

from django.urls import path

from jamsos.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
]
