"""Posting and reversing through `jamsos.ledger.actions`: balances, refusals, idempotency."""

from datetime import date

import pytest

from jamsos.identity.tests.factories import UserFactory
from jamsos.ledger.actions import (
    Line,
    do_post,
    do_reverse,
    get_employer_account,
    get_member_account,
    get_scheme_account,
)
from jamsos.ledger.errors import (
    AlreadyReversedError,
    EmptyPostingError,
    InvalidMonthError,
    LedgerError,
    SourceConflictError,
    UnbalancedPostingError,
)
from jamsos.ledger.models import Account, AccountKind, Entry, Posting, Programme
from jamsos.ledger.queries import balance_differences, unbalanced_postings
from jamsos.ledger.tests.factories import (
    BILL,
    JHT,
    JKK,
    JP,
    MONTH,
    balances,
    bill_lines,
    ledger_state,
    make_books,
    payment_lines,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def books():
    return make_books()


def test_each_account_is_created_once_per_owner_kind_and_programme(books):
    assert get_scheme_account(AccountKind.BANK) == books.bank
    assert get_scheme_account(AccountKind.PROGRAMME_FUND, Programme.JKK) == books.jkk_fund
    assert get_member_account(books.member.pk, Programme.JHT) == books.jht
    assert get_employer_account(books.employer.pk, AccountKind.EMPLOYER_RECEIVABLE) == books.receivable
    assert len({books.jht.pk, books.jp.pk, books.receivable.pk, books.credit.pk}) == 4
    assert Account.objects.count() == 6
    assert set(Account.objects.values_list("balance", flat=True)) == {0}


def test_a_balanced_posting_moves_each_account_balance_by_its_lines(books):
    posting = do_post("bill:1", bill_lines(books), description="October bill")

    assert balances(books.receivable, books.jht, books.jp, books.jkk_fund, books.bank) == [
        BILL,
        -JHT,
        -JP,
        -JKK,
        0,
    ]
    assert sorted(posting.entries.values_list("account_id", "amount", "programme", "contribution_month")) == (
        sorted(
            [
                (books.receivable.pk, BILL, "", None),
                (books.jht.pk, -JHT, "JHT", MONTH),
                (books.jp.pk, -JP, "JP", MONTH),
                (books.jkk_fund.pk, -JKK, "JKK", MONTH),
            ]
        )
    )
    assert posting.description == "October bill"
    assert posting.reverses is None
    assert balance_differences() == []
    assert unbalanced_postings() == []


def test_a_second_posting_adds_to_the_balances_the_first_left(books):
    do_post("bill:1", bill_lines(books), description="October bill")
    do_post("payment:BANK-1", payment_lines(books), description="Payment")

    assert balances(books.bank, books.receivable, books.jht) == [BILL, 0, -JHT]
    assert Posting.objects.count() == 2
    assert Entry.objects.count() == 6
    assert balance_differences() == []


def test_member_savings_credited_show_a_positive_balance(books):
    do_post("bill:1", bill_lines(books), description="October bill")

    jht, jp, receivable, fund = (
        Account.objects.get(pk=a.pk) for a in (books.jht, books.jp, books.receivable, books.jkk_fund)
    )
    assert (jht.balance, jht.shown_balance) == (-JHT, JHT)
    assert (jp.balance, jp.shown_balance) == (-JP, JP)
    # What the employer owes reads positive too, and so does the fund.
    assert (receivable.balance, receivable.shown_balance) == (BILL, BILL)
    assert fund.shown_balance == JKK


def test_lines_on_one_account_in_one_posting_add_up(books):
    lines = [
        Line(books.bank, 700_000),
        Line(books.receivable, -500_000),
        Line(books.receivable, -200_000),
        Line(books.jht, -50_000, Programme.JHT, date(2026, 9, 1)),
        Line(books.jht, 50_000, Programme.JHT, date(2026, 10, 1)),
    ]
    posting = do_post("payment:BANK-2", lines, description="Payment of two months")

    assert balances(books.bank, books.receivable, books.jht) == [700_000, -700_000, 0]
    assert posting.entries.count() == 5
    assert balance_differences() == []


def test_a_posting_records_its_actor_and_source(books):
    officer = UserFactory.create()
    posting = do_post("manual:7", payment_lines(books, 1_000), description="By hand", actor=officer)

    stored = Posting.objects.get(pk=posting.pk)
    assert (stored.source_key, stored.actor_id) == ("manual:7", officer.pk)


REFUSED = [
    pytest.param(
        lambda b: [Line(b.bank, 1_000), Line(b.receivable, -999)], UnbalancedPostingError, id="unbalanced"
    ),
    pytest.param(lambda b: [Line(b.bank, 1_000)], UnbalancedPostingError, id="one-sided"),
    pytest.param(lambda b: [], EmptyPostingError, id="empty"),
    pytest.param(
        lambda b: [Line(b.bank, 1_000), Line(b.receivable, -1_000), Line(b.credit, 0)],
        UnbalancedPostingError,
        id="zero-line",
    ),
    pytest.param(lambda b: [Line(b.bank, 0), Line(b.receivable, 0)], UnbalancedPostingError, id="all-zero"),
    pytest.param(
        lambda b: [Line(b.receivable, 1_000), Line(b.jht, -1_000, Programme.JHT, date(2026, 10, 15))],
        InvalidMonthError,
        id="month-not-first-day",
    ),
]


@pytest.mark.parametrize(("make_lines", "error"), REFUSED)
def test_a_refused_posting_changes_nothing(books, make_lines, error):
    do_post("bill:1", bill_lines(books), description="October bill")
    before = ledger_state()

    with pytest.raises(error):
        do_post("refused:1", make_lines(books), description="Refused")

    assert ledger_state() == before
    assert not Posting.objects.filter(source_key="refused:1").exists()


def test_a_refused_posting_leaves_its_source_key_free(books):
    with pytest.raises(UnbalancedPostingError):
        do_post("payment:BANK-3", [Line(books.bank, 1_000), Line(books.receivable, -1)], description="Typo")

    posting = do_post("payment:BANK-3", payment_lines(books, 1_000), description="Corrected")

    assert Posting.objects.get().pk == posting.pk
    assert balances(books.bank, books.receivable) == [1_000, -1_000]


def test_refusals_carry_stable_codes():
    assert [
        error.code
        for error in (
            UnbalancedPostingError,
            EmptyPostingError,
            SourceConflictError,
            AlreadyReversedError,
            InvalidMonthError,
        )
    ] == ["unbalanced", "empty", "source_conflict", "already_reversed", "invalid_month"]
    assert all(
        issubclass(error, LedgerError)
        for error in (UnbalancedPostingError, EmptyPostingError, SourceConflictError, InvalidMonthError)
    )


def test_the_same_source_and_lines_again_return_the_first_posting_and_post_once(books):
    first = do_post("payment:BANK-4", payment_lines(books), description="Callback")
    after_first = ledger_state()

    again = do_post("payment:BANK-4", payment_lines(books), description="Callback delivered again")
    # The same lines in another order are the same money.
    reordered = do_post("payment:BANK-4", payment_lines(books)[::-1], description="Callback, third time")

    assert again.pk == first.pk
    assert reordered.pk == first.pk
    assert ledger_state() == after_first
    assert Posting.objects.get().description == "Callback"
    assert balances(books.bank, books.receivable) == [BILL, -BILL]


CONFLICTING = [
    pytest.param(lambda b: payment_lines(b, BILL + 1), id="another-amount"),
    pytest.param(lambda b: [Line(b.bank, BILL), Line(b.credit, -BILL)], id="another-account"),
    pytest.param(
        lambda b: [*payment_lines(b, BILL - 1), Line(b.bank, 1), Line(b.receivable, -1)], id="split"
    ),
    pytest.param(lambda b: [Line(b.bank, BILL), Line(b.receivable, -BILL, "", MONTH)], id="another-month"),
    pytest.param(
        lambda b: [Line(b.bank, BILL), Line(b.receivable, -BILL, Programme.JHT)], id="another-programme"
    ),
]


@pytest.mark.parametrize("make_lines", CONFLICTING)
def test_the_same_source_with_other_lines_is_refused_and_changes_nothing(books, make_lines):
    do_post("payment:BANK-5", payment_lines(books), description="Callback")
    before = ledger_state()

    with pytest.raises(SourceConflictError):
        do_post("payment:BANK-5", make_lines(books), description="Another body, same key")

    assert ledger_state() == before


def test_a_reversal_posts_the_mirror_entries_and_restores_the_balances(books):
    do_post("payment:BANK-0", payment_lines(books, 5_000), description="Earlier payment")
    before = balances(books.receivable, books.jht, books.jp, books.jkk_fund, books.bank)
    bill = do_post("bill:1", bill_lines(books), description="October bill")

    reversal = do_reverse(bill, source_key="reverse:bill:1", description="Billed twice")

    assert reversal.reverses_id == bill.pk
    assert Posting.objects.get(pk=bill.pk).reversed_by == reversal
    mirror = sorted(
        (account, -amount, programme, month)
        for account, amount, programme, month in bill.entries.values_list(
            "account_id", "amount", "programme", "contribution_month"
        )
    )
    assert (
        sorted(reversal.entries.values_list("account_id", "amount", "programme", "contribution_month"))
        == mirror
    )
    assert balances(books.receivable, books.jht, books.jp, books.jkk_fund, books.bank) == before
    assert Posting.objects.count() == 3
    assert balance_differences() == []
    assert unbalanced_postings() == []


def test_a_posting_is_reversed_only_once(books):
    bill = do_post("bill:1", bill_lines(books), description="October bill")
    do_reverse(bill, source_key="reverse:bill:1", description="Billed twice")
    before = ledger_state()

    with pytest.raises(AlreadyReversedError):
        do_reverse(bill, source_key="reverse:bill:1:again", description="Reversed again")

    assert ledger_state() == before
    assert balances(books.receivable, books.jht) == [0, 0]


def test_the_same_reversal_again_returns_the_first(books):
    bill = do_post("bill:1", bill_lines(books), description="October bill")
    first = do_reverse(bill, source_key="reverse:bill:1", description="Billed twice")
    after_first = ledger_state()

    again = do_reverse(bill, source_key="reverse:bill:1", description="Billed twice (retry)")

    assert again.pk == first.pk
    assert ledger_state() == after_first


def test_a_reversal_under_a_key_used_by_another_posting_is_refused(books):
    bill = do_post("bill:1", bill_lines(books), description="October bill")
    # A hand-made correction with exactly the mirror lines, but not marked as a reversal.
    mirror = [
        Line(line.account, -line.amount, line.programme, line.contribution_month)
        for line in bill_lines(books)
    ]
    do_post("correction:1", mirror, description="Manual correction")
    before = ledger_state()

    with pytest.raises(SourceConflictError):
        do_reverse(bill, source_key="correction:1", description="Reverse")

    assert ledger_state() == before
    assert not Posting.objects.filter(reverses=bill).exists()


def test_a_reversal_can_itself_be_reversed(books):
    bill = do_post("bill:1", bill_lines(books), description="October bill")
    reversal = do_reverse(bill, source_key="reverse:bill:1", description="Billed twice")

    do_reverse(reversal, source_key="reverse:reverse:bill:1", description="It was right after all")

    assert balances(books.receivable, books.jht) == [BILL, -JHT]
    assert balance_differences() == []
