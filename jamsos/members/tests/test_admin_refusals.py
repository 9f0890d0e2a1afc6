"""An officer entering a malformed NIK, KPJ or phone number is told what is wrong, in
Indonesian or English, and nothing is saved."""

import html

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from jamsos.identity.models import User
from jamsos.members.models import Member

pytestmark = pytest.mark.django_db

VALID = {
    "kpj": "20000000001",
    "nik": "3276011705900001",
    "full_name": "Budi Santoso",
    "birth_date": "1990-05-17",
    "sex": "M",
    "address": "Jl. Margonda Raya No. 10, Depok",
    "phone": "0812 3456 7890",
    "email": "budi@contoh.id",
    "segment": "PU",
    "status": "active",
    "registered_on": "2015-07-01",
    "employment_periods-TOTAL_FORMS": "0",
    "employment_periods-INITIAL_FORMS": "0",
}


@pytest.fixture
def officer_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("petugas", "petugas@contoh.id", "kata-sandi-panjang"))
    return client


def add_member(client: Client, language: str, **changes: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(reverse("admin:members_member_add"), {**VALID, **changes})
    assert response.status_code == 200, "the form was accepted"
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("field", "value", "english", "indonesian"),
    [
        (
            "nik",
            "327601170590001",
            "NIK must have 16 digits; you entered 15. Check it against your KTP.",
            "NIK harus terdiri dari 16 digit; Anda memasukkan 15. Periksa kembali dengan KTP Anda.",
        ),
        (
            "nik",
            "3276013205900001",
            "Digits 7 to 12 of the NIK must be a birth date",
            "Digit ke-7 sampai ke-12 NIK harus berupa tanggal lahir",
        ),
        (
            "kpj",
            "2000000001",
            "The KPJ number must have 11 digits; you entered 10.",
            "Nomor KPJ harus terdiri dari 11 digit; Anda memasukkan 10.",
        ),
        (
            "phone",
            "021 555 1234",
            "Enter an Indonesian mobile number that starts with 08, 628 or +628",
            "Masukkan nomor HP Indonesia yang diawali 08, 628, atau +628",
        ),
    ],
)
def test_a_malformed_identifier_is_refused_in_both_languages_and_nothing_is_saved(
    officer_client, field, value, english, indonesian
):
    assert english in add_member(officer_client, "en", **{field: value})
    assert indonesian in add_member(officer_client, "id", **{field: value})
    assert Member.objects.count() == 0


def test_a_nik_that_contradicts_the_sex_is_refused_in_both_languages(officer_client):
    english = add_member(officer_client, "en", sex="F")
    indonesian = add_member(officer_client, "id", sex="F")
    assert "The NIK does not match the sex" in english
    assert "NIK tidak sesuai dengan jenis kelamin" in indonesian
    assert Member.objects.count() == 0


def test_the_same_form_saves_a_valid_member_with_its_identifiers_normalised(officer_client):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    response = officer_client.post(reverse("admin:members_member_add"), VALID)
    assert response.status_code == 302
    member = Member.objects.get()
    assert (member.kpj, member.nik, member.phone) == ("20000000001", "3276011705900001", "+6281234567890")
