"""Factories for employers."""

from datetime import date

import factory

from jamsos.employers.models import Employer, Industry, RiskClass
from jamsos.reference.tests.factories import BranchFactory, RegionFactory


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    npp = factory.Sequence(lambda n: f"{10000000 + n}")
    name = factory.Sequence(lambda n: f"PT Contoh Sejahtera {n}")
    risk_class = RiskClass.LOW
    industry = Industry.TEXTILE
    address = "Jl. Industri No. 2"
    branch = factory.SubFactory(BranchFactory)
    region = factory.SubFactory(RegionFactory)
    registered_on = date(2015, 7, 1)
