"""resolve: items -> canonical entities, the same across documents.

An object that names an entity of the knowledge base (accord.kb) is linked to it by its words, its
head's type and its parties (linking.py, over an index: index.py); one that names nothing known gets a
new entity from a normalized key and a head-noun type, which later mentions with the same key join.
Resolution never rewrites the rest of an item.
"""

from accord.resolve.entities import entity_for, resolve, resolve_items
from accord.resolve.heads import ENTITY_TYPES
from accord.resolve.linking import link
from accord.resolve.names import entity_key, slug

__all__ = ["ENTITY_TYPES", "entity_for", "entity_key", "link", "resolve", "resolve_items", "slug"]
