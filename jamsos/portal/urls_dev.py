"""Routes that exist only with DEBUG on (the demo): the outbox of recorded SMS and email."""

from django.urls import path

from jamsos.portal import views_dev

urlpatterns = [
    # The view answers 404 unless settings.DEV_OUTBOX is on.
    path("dev/outbox", views_dev.outbox, name="dev_outbox"),
]
