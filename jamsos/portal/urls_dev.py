"""Routes that exist only with DEBUG on (the demo): the outbox of recorded SMS and email."""

urlpatterns: list[object] = []
