"""Argon2id with the OWASP minimum parameters (19 MiB, 2 iterations, 1 lane).

Django's default Argon2 parameters (100 MiB, 8 lanes) cost several times more CPU per login
for no gain in resistance that matters here (see shared/performance.md, password_hash).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
