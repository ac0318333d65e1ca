"""What the analyst judged, as a list for the browser's facts pane (key ``J``), newest first.

Rows have the facts' shape (store/queries.py): kind, label, detail, the article and span they point
at, a link, and the judgement's summary. A judgement whose fact is gone is listed too, as
``orphaned`` (re-extraction found no such fact) or ``deleted`` (the analyst deleted the event),
with its span in the article, so that nothing judged is ever out of sight.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.queries import ListQuery, SortKey

_LISTED = """
    SELECT j.id AS uid, j.at AS at, j.kind AS jkind, j.status AS status, j.target_id AS target_id,
           j.deleted AS deleted, j.mark AS judgement,
           CASE WHEN j.target_id IS NOT NULL THEN j.kind WHEN j.deleted THEN 'deleted' ELSE 'orphaned' END AS kind,
           CASE
             WHEN j.kind = 'event' AND e.id IS NOT NULL THEN e.subtype
             WHEN j.kind = 'claim' AND c.id IS NOT NULL THEN cs.name
             WHEN j.kind = 'source' THEN coalesce(s.name, j.source_key)
             WHEN j.kind = 'article' THEN coalesce(a.title, a.ref, 'article')
             WHEN j.kind = 'incident' THEN coalesce(inc.subtype, j.anchor)
             WHEN j.kind = 'event' THEN coalesce(nullif(j.anchor, ''), json_extract(j.corrected, '$.subtype'))
             ELSE j.kind || ' by ' || coalesce(j.anchor, '?')
           END AS label,
           CASE
             WHEN e.id IS NOT NULL THEN trim(coalesce(e.date, '') || ' ' || e.places_label || ' ' || e.casualties_label)
             WHEN c.id IS NOT NULL THEN c.cue_text || ': ' || c.content_text
             WHEN inc.id IS NOT NULL THEN trim(coalesce(inc.date, '') || ' ' || inc.places_label || ' '
                                               || inc.casualties_label || ' · ' || inc.n_sources || ' sources')
             WHEN j.kind IN ('event', 'claim', 'incident') THEN j.span_text
             ELSE ''
           END AS detail,
           coalesce(e.article_id, c.article_id, a.id, ja.id) AS article_id,
           coalesce(e.evidence_start, c.content_start, j.start, 0) AS start,
           coalesce(e.evidence_end, c.content_end, j."end", 0) AS "end",
           CASE WHEN e.id IS NOT NULL THEN 'event' WHEN s.id IS NOT NULL THEN 'source'
                WHEN c.id IS NOT NULL THEN 'source' WHEN inc.id IS NOT NULL THEN 'incident' END AS link_kind,
           coalesce(e.id, s.id, c.source_id, inc.id) AS link_id
    FROM judgements j
    LEFT JOIN events e ON j.kind = 'event' AND e.id = j.target_id
    LEFT JOIN claims c ON j.kind = 'claim' AND c.id = j.target_id
    LEFT JOIN sources cs ON cs.id = c.source_id
    LEFT JOIN sources s ON j.kind = 'source' AND s.id = j.target_id
    LEFT JOIN articles a ON j.kind = 'article' AND a.id = j.target_id
    LEFT JOIN articles ja ON ja.hash = j.article_hash
    LEFT JOIN incidents inc ON j.kind = 'incident' AND inc.id = j.target_id
"""


@dataclass(frozen=True)
class JudgementFilter:
    """What `J` lists. Empty fields do not filter."""

    kind: str = ""  # event, claim, source, article, incident
    status: str = ""
    tag: str = ""
    detached_only: bool = False  # only judgements whose fact is gone (orphaned or deleted)

    def describe(self) -> str:
        parts = [
            f"{self.kind}s" if self.kind else "",
            self.status,
            f"#{self.tag}" if self.tag else "",
            "orphaned or deleted" if self.detached_only else "",
        ]
        return ", ".join(p for p in parts if p)


def judgements_query(flt: JudgementFilter = JudgementFilter()) -> ListQuery:
    query = ListQuery(
        kind="facts",
        select='f.kind, f.label, f.detail, f.article_id, f.start, f."end", f.link_kind, f.link_id, f.uid, f.judgement',
        source=f"({_LISTED}) f",
        order=(SortKey("f.at", desc=True), SortKey("f.uid", desc=True)),
        label="Judgements" + (f" · {flt.describe()}" if flt.describe() else ""),
    )
    if flt.kind:
        query = query.with_filter("f.jkind = ?", flt.kind)
    if flt.status == "unverified":
        query = query.with_filter(
            "f.jkind IN ('event', 'claim', 'incident') AND (f.status IS NULL OR f.status = 'unverified')"
        )
    elif flt.status:
        query = query.with_filter("f.status = ?", flt.status)
    if flt.tag:
        query = query.with_filter("f.uid IN (SELECT judgement_id FROM judgement_tags WHERE tag = ?)", flt.tag)
    if flt.detached_only:
        query = query.with_filter("f.target_id IS NULL")
    return query
