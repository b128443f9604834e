-- Schema version 3: competence frameworks. ESCO imports and the built-in
-- frameworks (CEFR, EQF, DigComp, ISCED, ISCO, transversal skills) share
-- these tables. A concept is stored once, keyed by its URI; its labels and
-- descriptions are stored per language. Claims name concepts by URI
-- (claim.item_uri), so a concept that a claim refers to is never deleted: an
-- import that no longer contains it marks it obsolete.

CREATE TABLE framework (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,          -- 'esco', 'cefr', 'eqf', 'digcomp', …
  title        TEXT NOT NULL,
  version      TEXT NOT NULL DEFAULT '',      -- release of the concepts, e.g. '1.1.1'
  origin       TEXT NOT NULL DEFAULT 'import' CHECK (origin IN ('builtin', 'import')),
  languages    TEXT NOT NULL DEFAULT '',      -- comma-separated, sorted: 'ar,de,en,fr'
  imported_at  TEXT,                          -- last import that changed it (UTC)
  generation   INTEGER NOT NULL DEFAULT 0     -- bumped by every change; search caches follow it
);

-- kind: 'occupation', 'skill', 'knowledge', 'skill_group', 'isco_group' (ESCO);
-- built-in frameworks add e.g. 'level', 'area', 'competence', 'descriptor'.
CREATE TABLE concept (
  id            INTEGER PRIMARY KEY,
  framework_id  INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
  uri           TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind <> ''),
  code          TEXT,                         -- '2654.1.7', ISCO '0110', 'S1.2.3', 'B2' (text: leading zeros)
  isco_code     TEXT,                         -- occupations: their ISCO-08 unit group
  status        TEXT NOT NULL DEFAULT 'released' CHECK (status IN ('released', 'obsolete')),
  skill_type    TEXT CHECK (skill_type IN ('skill/competence', 'knowledge')),
  reuse_level   TEXT CHECK (reuse_level IN ('transversal', 'cross-sector', 'sector-specific',
                                            'occupation-specific')),
  position      INTEGER NOT NULL DEFAULT 0,   -- order inside a built-in framework
  modified_at   TEXT                          -- as the framework gives it
);
CREATE INDEX concept_framework_kind ON concept (framework_id, kind);

-- folded: the label with case and diacritics folded, no-break and runs of
-- spaces made one space, trimmed (pa_fold_text); what search compares.
CREATE TABLE concept_label (
  concept_id  INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
  lang        TEXT NOT NULL,                  -- ISO 639-1
  kind        TEXT NOT NULL CHECK (kind IN ('preferred', 'alternative', 'hidden')),
  text        TEXT NOT NULL CHECK (text <> ''),
  folded      TEXT NOT NULL,
  PRIMARY KEY (concept_id, lang, kind, text)
) WITHOUT ROWID;
-- One preferred label per concept and language.
CREATE UNIQUE INDEX concept_label_preferred ON concept_label (concept_id, lang) WHERE kind = 'preferred';

CREATE TABLE concept_description (
  concept_id  INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
  lang        TEXT NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (concept_id, lang)
) WITHOUT ROWID;

-- source → target. kind: 'essential' and 'optional' (occupation → skill, and
-- skill → skill in ESCO's skill-skill relations), 'broader' (concept → its
-- broader concept, in both pillars; narrower is the same row read backwards).
CREATE TABLE concept_relation (
  source_id  INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind <> ''),
  target_id  INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, kind, target_id)
) WITHOUT ROWID;
CREATE INDEX concept_relation_target ON concept_relation (target_id, kind);

-- collection: 'transversal', 'digcomp', 'digital', 'language', 'green',
-- 'research-skills', 'research-occupations', …
CREATE TABLE collection_member (
  collection  TEXT NOT NULL,
  concept_id  INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
  PRIMARY KEY (collection, concept_id)
) WITHOUT ROWID;
CREATE INDEX collection_member_concept ON collection_member (concept_id);
