"""Factories for members and their employment; NIKs agree with birth date and sex."""

from datetime import date

import factory

from jamsos.employers.tests.factories import EmployerFactory
from jamsos.members.models import EmploymentPeriod, EmploymentWage, Member, Segment, Sex
from jamsos.rules.identifiers import nik_digits_for


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    kpj = factory.Sequence(lambda n: f"{20000000000 + n}")
    birth_date = date(1990, 5, 17)
    sex = Sex.MALE
    nik = factory.LazyAttributeSequence(
        lambda o, n: nik_digits_for(
            district_code="327601", birth_date=o.birth_date, sex=o.sex, serial=n % 9999 + 1
        )
    )
    full_name = factory.Sequence(lambda n: f"Budi Santoso {n}")
    address = "Jl. Margonda Raya No. 10, Depok"
    phone = "+6281234567890"
    email = factory.Sequence(lambda n: f"peserta{n}@contoh.id")
    segment = Segment.WAGE_EARNER
    registered_on = date(2015, 7, 1)


class EmploymentPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmploymentPeriod

    member = factory.SubFactory(MemberFactory)
    employer = factory.SubFactory(EmployerFactory)
    started_on = date(2015, 7, 1)


class EmploymentWageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmploymentWage

    period = factory.SubFactory(EmploymentPeriodFactory)
    valid_from = date(2015, 7, 1)
    monthly_wage = 5_500_000
