"""Fixtures for the whole suite."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    # Lockout counters, SMS quotas, rate limits and used TOTP codes live in the cache; each test
    # starts from none (with Redis in CI the cache would otherwise outlive the test).
    cache.clear()
    yield
    cache.clear()
