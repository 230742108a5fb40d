"""Full-text search: an FTS5 table on SQLite, a tsvector column with a GIN index on PostgreSQL.

Both index an item's object, evidence sentence and entity name, kept current by triggers (an item's words
change when it is written, or when its entity is renamed). Both split words at anything but a letter or a
digit and fold case, without removing accents or stop words, so that they find the same items.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = (
    """CREATE VIRTUAL TABLE items_fts USING fts5(
        object, evidence_text, entity_name, tokenize = "unicode61 remove_diacritics 0")""",
    """CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts (rowid, object, evidence_text, entity_name)
        VALUES (new.id, new.object, new.evidence_text,
                (SELECT name FROM entities WHERE id = new.entity_id));
    END""",
    """CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        DELETE FROM items_fts WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER items_fts_update AFTER UPDATE ON items BEGIN
        UPDATE items_fts SET object = new.object, evidence_text = new.evidence_text,
            entity_name = (SELECT name FROM entities WHERE id = new.entity_id)
        WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER items_fts_entity_renamed AFTER UPDATE OF name ON entities
        WHEN old.name IS NOT new.name BEGIN
        UPDATE items_fts SET entity_name = new.name
        WHERE rowid IN (SELECT id FROM items WHERE entity_id = new.id);
    END""",
    """INSERT INTO items_fts (rowid, object, evidence_text, entity_name)
        SELECT items.id, items.object, items.evidence_text, entities.name
        FROM items LEFT JOIN entities ON entities.id = items.entity_id""",
)
_SQLITE_DOWN = (
    "DROP TRIGGER items_fts_entity_renamed",
    "DROP TRIGGER items_fts_update",
    "DROP TRIGGER items_fts_delete",
    "DROP TRIGGER items_fts_insert",
    "DROP TABLE items_fts",
)

# regexp_replace splits at what is not a letter or digit (as FTS5 does) before the parser sees the text,
# so that PostgreSQL's e-mail, URL and hyphenated-word tokens do not make it answer differently.
_POSTGRESQL_UP = (
    "ALTER TABLE items ADD COLUMN search_vector tsvector",
    """CREATE FUNCTION items_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        new.search_vector := to_tsvector('simple', regexp_replace(
            concat_ws(' ', new.object, new.evidence_text,
                      (SELECT name FROM entities WHERE id = new.entity_id)),
            '[^[:alnum:]]+', ' ', 'g'));
        RETURN new;
    END $$""",
    """CREATE TRIGGER items_search_vector BEFORE INSERT OR UPDATE ON items
        FOR EACH ROW EXECUTE FUNCTION items_search_vector()""",
    """CREATE FUNCTION items_entity_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE items SET entity_id = entity_id WHERE entity_id = new.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER items_entity_renamed AFTER UPDATE OF name ON entities
        FOR EACH ROW WHEN (old.name IS DISTINCT FROM new.name) EXECUTE FUNCTION items_entity_renamed()""",
    "UPDATE items SET entity_id = entity_id",
    "CREATE INDEX ix_items_search_vector ON items USING gin (search_vector)",
)
_POSTGRESQL_DOWN = (
    "DROP TRIGGER items_entity_renamed ON entities",
    "DROP FUNCTION items_entity_renamed()",
    "DROP TRIGGER items_search_vector ON items",
    "DROP FUNCTION items_search_vector()",
    "ALTER TABLE items DROP COLUMN search_vector",
)


def upgrade() -> None:
    _run(_SQLITE_UP if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL_UP)


def downgrade() -> None:
    _run(_SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL_DOWN)


def _run(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.get_bind().exec_driver_sql(statement)  # as written: no bound parameters in `[:alnum:]`
