"""`newsdesk parse` over several files: every article's entities take the canonical names they
share, decided as ingest decides them for the archive (identity.py), with the whole batch as
evidence: certain names first, then the short forms that need evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from articles.entities.evidence import Context
from articles.entities.identity import Identities
from articles.entities.record import record_of
from articles.model import Article, Entity, EntityType


def resolve_articles(articles: Sequence[Article]) -> list[Article]:
    """Give every article's entities the canonical names they share across the batch."""
    identities = Identities()
    records = [[record_of(entity) for entity in article.entities] for article in articles]
    certain = [identities.link_certain(article_records) for article_records in records]
    contexts = [_context(article, found) for article, found in zip(articles, certain, strict=True)]
    for found, context in zip(certain, contexts, strict=True):
        identities.count([i for i in found if i is not None], context.source, context.year)
    ids = [
        identities.link_rest(article_records, found, context)
        for article_records, found, context in zip(records, certain, contexts, strict=True)
    ]
    merged = identities.take_merges()
    resolved = []
    for article, article_ids in zip(articles, ids, strict=True):
        names = [identities.names[merged.get(entity_id, entity_id)] for entity_id in article_ids]
        entities = [_renamed(entity, *named) for entity, named in zip(article.entities, names, strict=True)]
        resolved.append(replace(article, entities=_merge_same(entities)))
    return resolved


def _context(article: Article, found: list[int | None]) -> Context:
    year = str(article.published.year) if article.published else ""
    return Context(frozenset(i for i in found if i is not None), article.source or "", year)


def _renamed(entity: Entity, name: str, kind: EntityType) -> Entity:
    if name == entity.name and kind == entity.type:
        return entity
    aliases = tuple(dict.fromkeys(alias for alias in (entity.name, *entity.aliases) if alias != name))
    return replace(entity, name=name, type=kind, aliases=aliases)


def _merge_same(entities: list[Entity]) -> tuple[Entity, ...]:
    merged: dict[tuple[str, EntityType], Entity] = {}
    for entity in entities:
        key = (entity.name, entity.type)
        if key in merged:
            first = merged[key]
            aliases = tuple(dict.fromkeys((*first.aliases, *entity.aliases)))
            merged[key] = replace(first, aliases=aliases, mentions=first.mentions + entity.mentions)
        else:
            merged[key] = entity
    return tuple(sorted(merged.values(), key=lambda entity: (-entity.mentions, entity.name)))
