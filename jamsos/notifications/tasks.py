"""Delivering messages in the background, through the django-tasks API (ADR 0005).

A request only enqueues; a worker (`manage.py db_worker`) talks to the mail server and the SMS
operator. So a slow or failing relay neither slows the page nor shows in its timing: the reset
page answers in the same time whether or not a message went out (security.md REC-01). The demo
and the tests use the immediate backend, which runs the task at once in the same process.
"""

from django.core.mail import EmailMessage
from django_tasks import task

from jamsos.notifications.sms import get_gateway


@task()
def deliver_email(to: str, subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, to=[to]).send(fail_silently=False)


@task()
def deliver_sms(to: str, body: str) -> None:
    get_gateway().send(to, body)
