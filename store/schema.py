"""The store's schema, as an ordered list of forward migrations.

``PRAGMA user_version`` holds how many migrations a store has had. Opening a store runs the
missing ones in order; a store with a higher version than ``SCHEMA_VERSION`` is refused.
Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the whole first schema
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        published TEXT,               -- ISO date or date-time as read
        text TEXT NOT NULL,           -- stored text: NFC, \\n line endings (CONTRACT.md, Spans)
        hash TEXT NOT NULL UNIQUE,    -- sha256 of the normalised text: re-ingest adds nothing
        ingested_at TEXT NOT NULL,
        n_events INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_published ON articles(published, id);

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,           -- place, person, organization, group
        name TEXT NOT NULL,
        merge_key TEXT NOT NULL,      -- the same entity across articles shares (type, merge_key)
        country TEXT,
        admin1 TEXT,
        lat REAL,
        lon REAL,
        n_mentions INTEGER NOT NULL DEFAULT 0,
        n_events INTEGER NOT NULL DEFAULT 0,
        UNIQUE (type, merge_key)
    );

    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        article_id INTEGER NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
    CREATE INDEX mentions_article ON mentions(article_id, start);

    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        merge_key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        reliability TEXT NOT NULL DEFAULT 'F',
        entity_id INTEGER REFERENCES entities(id),
        n_claims INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sources_claims ON sources(n_claims DESC, id);

    -- every name an entity or a source is known by, with its search keys (store/keys.py)
    CREATE TABLE names (
        id INTEGER PRIMARY KEY,
        owner TEXT NOT NULL,          -- 'entity' or 'source'
        owner_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,            -- folded, transliterated, phonetically normalised
        UNIQUE (owner, owner_id, name)
    );
    CREATE INDEX names_owner ON names(owner, owner_id);
    CREATE INDEX names_key ON names(key);
    CREATE VIRTUAL TABLE names_fts USING fts5(key, content='names', content_rowid='id', tokenize='trigram');
    CREATE TRIGGER names_ai AFTER INSERT ON names BEGIN
        INSERT INTO names_fts(rowid, key) VALUES (new.id, new.key);
    END;
    CREATE TRIGGER names_ad AFTER DELETE ON names BEGIN
        INSERT INTO names_fts(names_fts, rowid, key) VALUES ('delete', old.id, old.key);
    END;

    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        source_id INTEGER NOT NULL REFERENCES sources(id),
        via_source_id INTEGER REFERENCES sources(id),
        cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, cue_text TEXT NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
        quote INTEGER NOT NULL DEFAULT 0,
        credibility TEXT NOT NULL DEFAULT '6'
    );
    CREATE INDEX claims_source ON claims(source_id, article_id);
    CREATE INDEX claims_article ON claims(article_id, content_start);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        type TEXT NOT NULL,
        subtype TEXT NOT NULL,
        date TEXT,
        date_end TEXT,
        date_precision TEXT,
        confidence REAL NOT NULL,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
        -- denormalised labels so the Events pane draws a row from one table
        places_label TEXT NOT NULL DEFAULT '',
        casualties_label TEXT NOT NULL DEFAULT '',
        claimant_label TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX events_date ON events(date, id);
    CREATE INDEX events_article ON events(article_id, evidence_start);
    CREATE INDEX events_subtype ON events(subtype, date, id);

    CREATE TABLE event_places (
        event_id INTEGER NOT NULL REFERENCES events(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX event_places_event ON event_places(event_id);
    CREATE INDEX event_places_entity ON event_places(entity_id, event_id);

    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(id),
        entity_id INTEGER REFERENCES entities(id),
        name TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX event_actors_event ON event_actors(event_id);
    CREATE INDEX event_actors_entity ON event_actors(entity_id, event_id);

    CREATE TABLE casualties (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id),
        kind TEXT NOT NULL,
        min INTEGER,
        max INTEGER,
        qualifier TEXT NOT NULL,
        who TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX casualties_event ON casualties(event_id);

    CREATE TABLE claim_events (
        claim_id INTEGER NOT NULL REFERENCES claims(id),
        event_id INTEGER NOT NULL REFERENCES events(id),
        PRIMARY KEY (claim_id, event_id)
    );
    CREATE INDEX claim_events_event ON claim_events(event_id, claim_id);

    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
    END;
    """,
    # 2: claims a source relays for another ("a security source told Reuters"), counted apart
    # from the claims it makes itself; the Sources pane ranks sources by both together
    """
    ALTER TABLE sources ADD COLUMN n_relayed INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX claims_via ON claims(via_source_id) WHERE via_source_id IS NOT NULL;
    UPDATE sources SET n_relayed = (SELECT count(*) FROM claims c WHERE c.via_source_id = sources.id)
        WHERE id IN (SELECT via_source_id FROM claims WHERE via_source_id IS NOT NULL);
    CREATE INDEX sources_reports ON sources(n_claims + n_relayed DESC, id);
    """,
    # the feeds Sitrep follows (`sitrep feeds`, `sitrep fetch`), each with what polite fetching
    # must remember between runs; and articles found by URL, so a feed item already stored is
    # neither fetched nor added again
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,                      -- the feed's own title, from its last fetch or OPML
        every INTEGER NOT NULL,          -- seconds between fetches
        active INTEGER NOT NULL DEFAULT 1,  -- 0: the feed is gone (410); adding it again revives it
        etag TEXT,                       -- validators for the next conditional GET
        last_modified TEXT,
        last_status INTEGER,             -- HTTP status of the last try (NULL: no answer)
        last_error TEXT,                 -- why the last try failed (NULL: it did not)
        errors INTEGER NOT NULL DEFAULT 0,  -- failures in a row, for the backoff
        last_fetched TEXT,               -- ISO UTC time of the last good answer (200 or 304)
        next_due TEXT NOT NULL,          -- ISO UTC; a new feed is due at once
        added_at TEXT NOT NULL
    );
    CREATE INDEX feeds_due ON feeds(next_due) WHERE active;
    CREATE TABLE feed_tags (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (feed_id, tag)
    );
    CREATE INDEX feed_tags_tag ON feed_tags(tag, feed_id);
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    """,
    # 4: the browser on a real corpus (issue 14). One row per real-world entity or source
    # (store/merge.py): every merge key a row is known by, with how many articles named it so (the
    # most used spelling is the row's name), and the block compared for near keys (a person's
    # surname, else the whole key), looked up by its first half (head) or its last letters (tail).
    # Events far from their article's date are history or later (store/date_labels.py: more than
    # 30 days before publication, more than 7 after), which the Events pane can hide.
    """
    ALTER TABLE events ADD COLUMN era TEXT;  -- 'history', 'later' or NULL
    UPDATE events SET era = (
        SELECT CASE
            WHEN a.published IS NULL OR events.date IS NULL THEN NULL
            WHEN julianday(substr(a.published, 1, 10)) - julianday(coalesce(events.date_end, events.date)) > 30
                THEN 'history'
            WHEN julianday(events.date) - julianday(substr(a.published, 1, 10)) > 7 THEN 'later'
        END FROM articles a WHERE a.id = events.article_id);
    CREATE INDEX events_current ON events(date, id) WHERE era IS NULL;
    CREATE TABLE merge_keys (
        owner TEXT NOT NULL,          -- 'entity' or 'source'
        type TEXT NOT NULL,           -- the entity's type; '' for sources
        key TEXT NOT NULL,            -- store/keys.py merge_key of one of its names
        owner_id INTEGER NOT NULL,
        name TEXT NOT NULL,           -- the first spelling seen with this key
        n INTEGER NOT NULL DEFAULT 0, -- articles that named it so
        block TEXT NOT NULL,
        blen INTEGER GENERATED ALWAYS AS (length(block)) VIRTUAL,
        head TEXT GENERATED ALWAYS AS (substr(block, 1, length(block) / 2)) VIRTUAL,
        tail TEXT GENERATED ALWAYS AS (substr(block, length(block) / 2 + 2)) VIRTUAL,
        PRIMARY KEY (owner, type, key)
    ) WITHOUT ROWID;
    CREATE INDEX merge_keys_head ON merge_keys(owner, type, blen, head);
    CREATE INDEX merge_keys_tail ON merge_keys(owner, type, blen, tail);
    CREATE INDEX merge_keys_owner ON merge_keys(owner, owner_id);
    CREATE INDEX sources_entity ON sources(entity_id, type) WHERE entity_id IS NOT NULL;
    INSERT OR IGNORE INTO merge_keys (owner, type, key, owner_id, name, n, block)
        SELECT 'entity', type, merge_key, id, name,
               (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id),
               CASE WHEN type = 'person' AND instr(merge_key, ' ') > 0
                    THEN substr(merge_key, length(rtrim(merge_key, replace(merge_key, ' ', ''))) + 1)
                    ELSE merge_key END
        FROM entities e;
    INSERT OR IGNORE INTO merge_keys (owner, type, key, owner_id, name, n, block)
        SELECT 'source', '', merge_key, id, name,
               (SELECT count(DISTINCT c.article_id) FROM claims c WHERE c.source_id = s.id),
               CASE WHEN type = 'person' AND instr(merge_key, ' ') > 0
                    THEN substr(merge_key, length(rtrim(merge_key, replace(merge_key, ' ', ''))) + 1)
                    ELSE merge_key END
        FROM sources s;
    """,
    # 5: incidents (store/incidents.py): the events of several articles, and of one article, that
    # report the same incident; reprints (store/sketch.py); the analyst's merges and splits.
    # Events already stored are grouped when the store is next opened for writing (db.py).
    """
    CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL DEFAULT '',        -- the stable identity of its first event (see events' keys)
        type TEXT NOT NULL,
        subtype TEXT NOT NULL,               -- the subtype most of its events give
        subtypes TEXT NOT NULL DEFAULT '',   -- every subtype its events give, '|' between them
        date TEXT,
        date_end TEXT,
        date_precision TEXT,
        era TEXT,                            -- 'history' or 'later' when every event of it is (date_labels.py)
        dates TEXT NOT NULL DEFAULT '{}',    -- what its events' dates say (store/incident_match.py, Profile)
        core_lo INTEGER,                     -- the days (proleptic ordinals) a report meeting it can fall on
        core_hi INTEGER,
        figures TEXT NOT NULL DEFAULT '{}',  -- casualty kind -> [lowest, highest] across its sources
        actor_keys TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL DEFAULT 0,  -- the highest of its events' confidence
        fatalities INTEGER NOT NULL DEFAULT 0,  -- the most conservative killed figure across sources
        conflict INTEGER NOT NULL DEFAULT 0,    -- 1 when its sources' figures disagree
        n_events INTEGER NOT NULL DEFAULT 0,
        n_articles INTEGER NOT NULL DEFAULT 0,
        n_sources INTEGER NOT NULL DEFAULT 0,   -- independent sources: claimants and outlets, copies once
        places_label TEXT NOT NULL DEFAULT '',
        casualties_label TEXT NOT NULL DEFAULT '',
        sources_label TEXT NOT NULL DEFAULT '',
        stale INTEGER NOT NULL DEFAULT 1        -- its display fields wait to be recomputed
    );
    CREATE INDEX incidents_stale ON incidents(id) WHERE stale;
    CREATE INDEX incidents_date ON incidents(date, id);
    CREATE INDEX incidents_confidence ON incidents(confidence, date, id);
    CREATE INDEX incidents_subtype ON incidents(subtype, date, id);
    CREATE INDEX incidents_type ON incidents(type, date, id);

    ALTER TABLE events ADD COLUMN incident_id INTEGER REFERENCES incidents(id);
    ALTER TABLE events ADD COLUMN report TEXT;  -- the extraction's incident key within its article ("i3")
    CREATE INDEX events_incident ON events(incident_id, id);

    -- what finds the incidents an event may belong to: its places, their regions and map cells,
    -- with the first day the incident allows, so a lookup is one index range
    -- (the key's columns first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table otherwise)
    CREATE TABLE incident_keys (
        key TEXT NOT NULL,
        lo INTEGER NOT NULL,
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        hi INTEGER NOT NULL,
        PRIMARY KEY (key, lo, incident_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_keys_incident ON incident_keys(incident_id);

    CREATE TABLE incident_places (
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        level INTEGER NOT NULL,  -- 0 a country or wider, 1 named as a region ("the Belgorod region"), 2 a town or site
        PRIMARY KEY (incident_id, entity_id, level)
    ) WITHOUT ROWID;
    CREATE INDEX incident_places_entity ON incident_places(entity_id, incident_id);

    -- reprints: each article's MinHash sketch, its LSH bands, and the article it is a copy of
    CREATE TABLE article_sketches (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        copy_of INTEGER REFERENCES articles(id),  -- the first stored article of its group of copies
        signature BLOB
    );
    CREATE INDEX article_sketches_copy ON article_sketches(copy_of) WHERE copy_of IS NOT NULL;
    CREATE TABLE article_bands (
        band INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (band, article_id)
    ) WITHOUT ROWID;

    -- the analyst's merges ('together') and splits ('apart'), between two events named by their
    -- stable keys (article hash ':' evidence start ':' evidence end), so they outlive row ids
    CREATE TABLE incident_choices (
        id INTEGER PRIMARY KEY,
        choice TEXT NOT NULL CHECK (choice IN ('together', 'apart')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        made_at TEXT NOT NULL,
        UNIQUE (a, b)
    );
    """,
    # 6: the analyst's judgements (store/judgements.py). Kept apart from what extraction writes and
    # keyed by identities that outlive its rows: an article's content hash (plus the judged span for an
    # event or a claim), a source's merge key. ``target_id`` is the row judged now; NULL while the thing
    # judged is not in the store (re-extraction dropped it: the judgement is kept and shown as
    # orphaned) or after the analyst deleted an event. The status columns added to events and claims,
    # and an event's corrected values, are copies written through from here for the panes' indexes.
    """
    CREATE TABLE judgements (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'claim', 'source', 'article', 'incident')),
        article_hash TEXT,            -- event, claim, article: the judged article's sha256
        source_key TEXT,              -- source: its merge key
        start INTEGER, "end" INTEGER, span_text TEXT,  -- event: its evidence; claim: its content
        anchor TEXT,                  -- event: the subtype extraction gave; claim: its source's merge key
        target_id INTEGER,            -- events.id, claims.id, sources.id or articles.id; NULL: not there now
        added INTEGER NOT NULL DEFAULT 0,    -- an event the analyst added from a sentence
        deleted INTEGER NOT NULL DEFAULT 0,  -- an event the analyst deleted as false
        status TEXT CHECK (status IN ('unverified', 'verified', 'disputed', 'false')),
        grade TEXT,                   -- source: reliability A-F; claim: credibility 1-6
        corrected TEXT NOT NULL DEFAULT '{}',  -- JSON {field: the analyst's value}
        extracted TEXT NOT NULL DEFAULT '{}',  -- JSON {field: extraction's value}, for each corrected field
        mark TEXT NOT NULL DEFAULT '',         -- a short summary for the lists ("✓ 2 #sumy ¶")
        by TEXT NOT NULL,             -- who changed it last, and when (UTC)
        at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX judgements_target ON judgements(kind, target_id) WHERE target_id IS NOT NULL;
    CREATE UNIQUE INDEX judgements_source ON judgements(source_key) WHERE kind = 'source';
    CREATE UNIQUE INDEX judgements_article ON judgements(article_hash) WHERE kind = 'article';
    CREATE INDEX judgements_article_hash ON judgements(article_hash, kind);
    CREATE INDEX judgements_waiting ON judgements(kind) WHERE target_id IS NULL;

    CREATE TABLE judgement_notes (
        id INTEGER PRIMARY KEY,
        judgement_id INTEGER NOT NULL REFERENCES judgements(id),
        text TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX judgement_notes_judgement ON judgement_notes(judgement_id, id);

    CREATE TABLE judgement_tags (
        judgement_id INTEGER NOT NULL REFERENCES judgements(id),
        tag TEXT NOT NULL COLLATE NOCASE,
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (judgement_id, tag)
    );
    CREATE INDEX judgement_tags_tag ON judgement_tags(tag, judgement_id);

    -- every judgement ever made, in order: what, old and new value, when, who and why. Append-only.
    CREATE TABLE judgement_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        judgement_id INTEGER NOT NULL REFERENCES judgements(id),
        kind TEXT NOT NULL,
        target_id INTEGER,            -- the row's id at the time
        what TEXT NOT NULL,           -- status, grade, subtype, date, place, killed, deleted, added, note, tag, ...
        old TEXT,
        new TEXT,
        reason TEXT
    );
    CREATE INDEX judgement_log_judgement ON judgement_log(judgement_id, id);
    CREATE TRIGGER judgement_log_no_update BEFORE UPDATE ON judgement_log BEGIN
        SELECT RAISE(ABORT, 'the judgement log is append-only');
    END;
    CREATE TRIGGER judgement_log_no_delete BEFORE DELETE ON judgement_log BEGIN
        SELECT RAISE(ABORT, 'the judgement log is append-only');
    END;

    ALTER TABLE events ADD COLUMN status TEXT;
    ALTER TABLE events ADD COLUMN judged TEXT NOT NULL DEFAULT '';  -- corrected fields ('subtype date'), 'added'
    ALTER TABLE claims ADD COLUMN status TEXT;
    CREATE INDEX events_status ON events(status, date, id) WHERE status IS NOT NULL;

    -- a judged row that goes away leaves its judgement waiting for its successor (never pointing at
    -- an id SQLite may hand out again); one that comes (back) under a known identity is joined at once
    CREATE TRIGGER events_unjudge AFTER DELETE ON events BEGIN
        UPDATE judgements SET target_id = NULL WHERE kind = 'event' AND target_id = old.id;
    END;
    CREATE TRIGGER claims_unjudge AFTER DELETE ON claims BEGIN
        UPDATE judgements SET target_id = NULL WHERE kind = 'claim' AND target_id = old.id;
    END;
    CREATE TRIGGER sources_unjudge AFTER DELETE ON sources BEGIN
        UPDATE judgements SET target_id = NULL WHERE kind = 'source' AND target_id = old.id;
    END;
    CREATE TRIGGER articles_unjudge AFTER DELETE ON articles BEGIN
        UPDATE judgements SET target_id = NULL WHERE kind = 'article' AND target_id = old.id;
    END;
    CREATE TRIGGER sources_judge AFTER INSERT ON sources
    WHEN EXISTS (SELECT 1 FROM judgements WHERE kind = 'source' AND source_key = new.merge_key) BEGIN
        UPDATE judgements SET target_id = new.id WHERE kind = 'source' AND source_key = new.merge_key;
        UPDATE sources SET reliability = coalesce(
            (SELECT grade FROM judgements WHERE kind = 'source' AND source_key = new.merge_key), reliability)
        WHERE id = new.id;
    END;
    CREATE TRIGGER articles_judge AFTER INSERT ON articles
    WHEN EXISTS (SELECT 1 FROM judgements WHERE kind = 'article' AND article_hash = new.hash) BEGIN
        UPDATE judgements SET target_id = new.id WHERE kind = 'article' AND article_hash = new.hash;
    END;

    -- an incident's verdict is keyed by one of its events (article hash and evidence span): when the
    -- incident goes (merged into another, regrouped), the verdict follows that event to its incident
    -- now, unless that incident has a verdict of its own (then it waits, listed as orphaned)
    ALTER TABLE incidents ADD COLUMN status TEXT;
    CREATE INDEX incidents_status ON incidents(status, date, id) WHERE status IS NOT NULL;
    CREATE TRIGGER incidents_unjudge AFTER DELETE ON incidents
    WHEN EXISTS (SELECT 1 FROM judgements WHERE kind = 'incident' AND target_id = old.id) BEGIN
        UPDATE judgements SET target_id = (
            SELECT e.incident_id FROM articles a JOIN events e ON e.article_id = a.id
            WHERE a.hash = judgements.article_hash AND e.evidence_start = judgements.start
              AND e.evidence_end = judgements."end" AND e.incident_id IS NOT NULL AND e.incident_id != old.id
              AND NOT EXISTS (SELECT 1 FROM judgements o WHERE o.kind = 'incident' AND o.target_id = e.incident_id)
            LIMIT 1)
        WHERE kind = 'incident' AND target_id = old.id;
        UPDATE incidents SET status = (SELECT j.status FROM judgements j WHERE j.kind = 'incident'
                                       AND j.target_id = incidents.id)
        WHERE id IN (SELECT target_id FROM judgements WHERE kind = 'incident' AND target_id IS NOT NULL);
    END;
    CREATE TRIGGER events_incident_judge AFTER UPDATE OF incident_id ON events
    WHEN new.incident_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM judgements WHERE kind = 'incident' AND target_id IS NULL) BEGIN
        UPDATE judgements SET target_id = new.incident_id
        WHERE kind = 'incident' AND target_id IS NULL
          AND article_hash = (SELECT hash FROM articles WHERE id = new.article_id)
          AND start = new.evidence_start AND "end" = new.evidence_end
          AND NOT EXISTS (SELECT 1 FROM judgements o WHERE o.kind = 'incident' AND o.target_id = new.incident_id);
        UPDATE incidents SET status = (SELECT j.status FROM judgements j WHERE j.kind = 'incident'
                                       AND j.target_id = incidents.id)
        WHERE id = new.incident_id
          AND EXISTS (SELECT 1 FROM judgements j WHERE j.kind = 'incident' AND j.target_id = new.incident_id);
    END;
    """,
    # an incident's lookup keys start with the families of its subtypes (a report looks only among
    # incidents it could fit): opening the store rebuilds them from each incident's profile, in
    # batches that each commit, before anything is written; the incidents still waiting are listed here
    """
    CREATE TABLE incident_rekey (incident_id INTEGER PRIMARY KEY);
    INSERT INTO incident_rekey (incident_id) SELECT id FROM incidents;
    """,
    # how many articles spell each merge key each way, so that a row is named as most articles
    # name it ("Volodymyr Zelensky", not the first spelling seen, "Volodymyr Zełenski"); the writer
    # starts a key of an older store with its present name, counted as the articles of the key
    """
    CREATE TABLE spellings (
        owner TEXT NOT NULL,          -- 'entity' or 'source'
        type TEXT NOT NULL,           -- as merge_keys.type
        key TEXT NOT NULL,            -- a merge key
        name TEXT NOT NULL,           -- one spelling of it
        n INTEGER NOT NULL DEFAULT 0, -- articles that spelled it so
        PRIMARY KEY (owner, type, key, name)
    ) WITHOUT ROWID;
    """,
    # words inside runs of Chinese, Japanese, Korean, Thai, ... text (which unicode61 takes whole):
    # the articles' runs as pairs of characters (store/grams.py), for articles that hold any. Every
    # article inserted is listed as pending; the writer indexes it at once, opening the store
    # indexes the rest (here: every article stored before), in batches
    """
    CREATE VIRTUAL TABLE articles_grams USING fts5(title, text, content='', tokenize='ascii', prefix='1');
    CREATE TABLE grams_pending (article_id INTEGER PRIMARY KEY);
    CREATE TABLE grams_gone (article_id INTEGER PRIMARY KEY, title TEXT, text TEXT NOT NULL);
    CREATE TRIGGER articles_grams_ai AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO grams_pending (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER articles_grams_ad AFTER DELETE ON articles BEGIN
        INSERT OR REPLACE INTO grams_gone (article_id, title, text) SELECT old.id, old.title, old.text
        WHERE NOT EXISTS (SELECT 1 FROM grams_pending WHERE article_id = old.id);
        DELETE FROM grams_pending WHERE article_id = old.id;
    END;
    INSERT INTO grams_pending (article_id) SELECT id FROM articles;
    """,
    # the entities from the most mentioned: a name search of a letter or two walks them to find the
    # most mentioned of the thousands of names that start so in a big store (store/search.py)
    """
    CREATE INDEX entities_mentions ON entities(n_mentions DESC, id);
    """,
    # the time before which a feed's server asked (Retry-After, heeded up to a day) not to be asked
    # again, kept apart from the next due time: `fetch --all` takes feeds before they are due, and
    # still honours it (store/feeds.py)
    """
    ALTER TABLE feeds ADD COLUMN not_before TEXT;  -- ISO UTC; NULL: no wait asked for
    """,
    # events by their day and the length of their words: grouping asks, for each new event, whether
    # another article told it in the same words on that day (store/incidents.py, _told_alike); by
    # subtype and day that read every event of the subtype that day, hundreds in a big store (0.35 ms
    # a question at 100k articles; 0.03 ms so). The length, not the words' start: reports of one
    # kind start alike ("The attack involved ...")
    """
    CREATE INDEX events_told ON events(date, length(evidence_text));
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
# the migration that brought incidents: stores older than it have their events grouped on opening
INCIDENTS_VERSION = next(n for n, sql in enumerate(MIGRATIONS, start=1) if "CREATE TABLE incidents" in sql)
