"""Factories for reference data."""

from datetime import date

import factory

from jamsos.reference.models import Branch, MinimumWage, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"32{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Kota Contoh {n}")
    province = "Jawa Barat"


class MinimumWageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinimumWage

    region = factory.SubFactory(RegionFactory)
    valid_from = date(2025, 1, 1)
    amount = 5_000_000
    source = "test"


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch

    code = factory.Sequence(lambda n: f"T{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Cabang Contoh {n}")
    city = "Depok"
    province = "Jawa Barat"
    address = "Jl. Contoh No. 1"
    weekday_hours = "08.00–15.00"
