"""Routes of the signed-in account pages (security, devices, activity) and the demo outbox."""

urlpatterns: list[object] = []
