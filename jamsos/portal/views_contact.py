"""Changing the verified mobile number (reauthentication, a code to the new number, notices)."""

from allauth.account.decorators import reauthentication_required
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jamsos.core.validators import validate_mobile
from jamsos.identity import contacts
from jamsos.identity.models import User
from jamsos.rules import identifiers

ERRORS = {
    "same": gettext_lazy("That is already your mobile number."),
    "taken": gettext_lazy("That number cannot be used. Enter another mobile number."),
    "quota": gettext_lazy("Too many codes were sent. Wait ten minutes and try again."),
    "none": gettext_lazy("Start again: enter the new mobile number."),
    "expired": gettext_lazy("The code has expired or was typed wrong too often. Enter the new number again."),
    "wrong": gettext_lazy("That code is not right. Check the latest message and try again."),
}


class NewPhoneForm(forms.Form):
    phone = forms.CharField(
        label=gettext_lazy("New mobile number"),
        max_length=20,
        validators=[validate_mobile],
        help_text=gettext_lazy("For example 0812 3456 7890. We send a code to it."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_phone(self) -> str:
        return identifiers.normalize_mobile(self.cleaned_data["phone"])


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@login_required
@reauthentication_required(allow_get=True)
def change_phone(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    pending = contacts.pending(request.session)
    phone_form = NewPhoneForm()
    code_form = CodeForm()
    if request.method == "POST" and "phone" in request.POST:
        phone_form = NewPhoneForm(request.POST)
        if phone_form.is_valid():
            try:
                contacts.start_phone_change(request.session, user, phone_form.cleaned_data["phone"])
                return HttpResponseRedirect(reverse("portal:change_phone"))
            except contacts.PhoneChangeError as error:
                phone_form.add_error("phone", str(ERRORS[error.code]))
    elif request.method == "POST" and "code" in request.POST:
        code_form = CodeForm(request.POST)
        if code_form.is_valid():
            try:
                contacts.confirm_phone_change(
                    request.session, user, code_form.cleaned_data["code"], request=request
                )
                messages.success(
                    request, _("Your mobile number has been changed. We told the old number too.")
                )
                return HttpResponseRedirect(reverse("portal:account"))
            except contacts.PhoneChangeError as error:
                pending = contacts.pending(request.session)
                if pending:
                    code_form.add_error("code", str(ERRORS[error.code]))
                else:  # the attempt is over: say so above the number field
                    messages.error(request, str(ERRORS[error.code]))
    return render(
        request,
        "portal/change_phone.html",
        {"phone_form": phone_form, "code_form": code_form, "pending": pending},
    )
