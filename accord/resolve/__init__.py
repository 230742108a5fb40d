"""resolve: items -> canonical entities, the same across documents.

For now an entity comes from the object alone (a normalized key and a head-noun type); a knowledge base
of known entities comes later, as a separate layer that does not rewrite extracted items.
"""

from accord.resolve.entities import entity_for, resolve_items
from accord.resolve.heads import ENTITY_TYPES
from accord.resolve.names import entity_key, slug

__all__ = ["ENTITY_TYPES", "entity_for", "entity_key", "resolve_items", "slug"]
