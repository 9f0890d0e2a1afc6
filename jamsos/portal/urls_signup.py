"""Routes of Daftar: activation of existing participants, registration of self-employed workers."""

urlpatterns: list[object] = []
