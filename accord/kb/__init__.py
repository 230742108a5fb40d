"""kb: the knowledge base of canonical entities (countries, leaders, companies, infrastructure,
institutions, programmes, places), shipped as YAML in data/ and extended by the user's own files.

It sits beside vocab/: plain data and its validation, read by resolve/, knowing nothing of extraction
or storage.
"""

from accord.kb.files import (
    KB_PATH_ENV,
    append_entry,
    clear_cache,
    knowledge_base,
    load_paths,
    parse,
    user_file,
    user_paths,
)
from accord.kb.records import KB_TYPES, Entity, KnowledgeBase, Point, Term
from accord.kb.validate import EntryError, entity_from_entry

__all__ = [
    "KB_PATH_ENV",
    "KB_TYPES",
    "Entity",
    "EntryError",
    "KnowledgeBase",
    "Point",
    "Term",
    "append_entry",
    "clear_cache",
    "entity_from_entry",
    "knowledge_base",
    "load_paths",
    "parse",
    "user_file",
    "user_paths",
]
