"""The database itself keeps the ledger append-only and every posting balanced.

PostgreSQL (production): entries and postings refuse UPDATE and DELETE, and a constraint
trigger checked at commit refuses a posting whose entries do not sum to zero. SQLite (the
demo): entries and postings refuse UPDATE; a DELETE trigger would also stop Django's test
flush, which empties tables with DELETE, so there deletion is left to the foreign keys
(PROTECT) and `jamsos ledger verify`.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused (post a reversal instead)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
    lines bigint;
BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM ledger_entry WHERE posting_id = NEW.id;
    IF lines = 0 OR total <> 0 THEN
        RAISE EXCEPTION 'posting % is unbalanced: % entries summing to %', NEW.id, lines, total
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_posting_balanced AFTER INSERT ON ledger_posting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER ledger_posting_balanced ON ledger_posting;
DROP FUNCTION ledger_check_balanced();
DROP TRIGGER ledger_posting_append_only ON ledger_posting;
DROP TRIGGER ledger_entry_append_only ON ledger_entry;
DROP FUNCTION ledger_refuse_change();
"""

SQLITE_FORWARD = [
    """CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE ON ledger_entry
    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on ledger_entry refused'); END""",
    """CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE ON ledger_posting
    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on ledger_posting refused'); END""",
]
SQLITE_BACKWARD = ["DROP TRIGGER ledger_entry_append_only", "DROP TRIGGER ledger_posting_append_only"]


def _run(schema_editor, sql):
    # Straight to the cursor without parameters: the PL/pgSQL bodies contain '%'.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_FORWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_BACKWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_ledger")]
    operations = [migrations.RunPython(forward, backward)]
