-- Schema version 4: labour-market needs and training, for the mapping engine.
-- Shortage occupation lists per region, employer vacancy profiles, the
-- training catalogue, and the suggestions a trainer rejected for a case.

CREATE TABLE shortage_list (
  id           INTEGER PRIMARY KEY,
  region       TEXT NOT NULL UNIQUE,           -- a code the centre chooses: 'BE-WAL', 'FR-IDF'
  title        TEXT NOT NULL,
  source       TEXT NOT NULL DEFAULT '',
  valid_from   TEXT,
  valid_to     TEXT,
  imported_at  TEXT NOT NULL
);

CREATE TABLE shortage_occupation (
  list_id         INTEGER NOT NULL REFERENCES shortage_list (id) ON DELETE CASCADE,
  occupation_uri  TEXT NOT NULL,               -- an ESCO occupation or ISCO group URI
  note            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (list_id, occupation_uri)
) WITHOUT ROWID;

CREATE TABLE vacancy (
  id              INTEGER PRIMARY KEY,
  employer        TEXT NOT NULL,
  title           TEXT NOT NULL,
  occupation_uri  TEXT,
  location        TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  closed_on       TEXT
);

CREATE TABLE vacancy_skill (
  vacancy_id  INTEGER NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
  skill_uri   TEXT NOT NULL,
  required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  PRIMARY KEY (vacancy_id, skill_uri)
) WITHOUT ROWID;

CREATE TABLE vacancy_language (
  vacancy_id  INTEGER NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
  language    TEXT NOT NULL,
  min_level   TEXT NOT NULL CHECK (min_level IN ('A1','A2','B1','B2','C1','C2')),
  PRIMARY KEY (vacancy_id, language)
) WITHOUT ROWID;

CREATE TABLE vacancy_shortlist (
  vacancy_id  INTEGER NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
  case_id     INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  added_at    TEXT NOT NULL,
  PRIMARY KEY (vacancy_id, case_id)
) WITHOUT ROWID;

CREATE TABLE training_module (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  theme           TEXT NOT NULL
                  CHECK (theme IN ('digital', 'employability_cv', 'employability_pitch',
                                   'employability_interview', 'employability', 'soft_skills',
                                   'language', 'sector')),
  duration_hours  REAL CHECK (duration_hours IS NULL OR duration_hours > 0),
  language        TEXT,
  description     TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL
);

CREATE TABLE module_skill (
  module_id  INTEGER NOT NULL REFERENCES training_module (id) ON DELETE CASCADE,
  skill_uri  TEXT NOT NULL,
  PRIMARY KEY (module_id, skill_uri)
) WITHOUT ROWID;
CREATE INDEX module_skill_uri ON module_skill (skill_uri);

-- Which catalogue modules a seminar session covered.
CREATE TABLE session_module (
  session_id  INTEGER NOT NULL REFERENCES seminar_session (id) ON DELETE CASCADE,
  module_id   INTEGER NOT NULL REFERENCES training_module (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, module_id)
) WITHOUT ROWID;

-- A suggestion the trainer marked "not relevant" stays rejected for that case.
CREATE TABLE suggestion_rejection (
  case_id      INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  skill_uri    TEXT NOT NULL,
  rejected_at  TEXT NOT NULL,
  actor_id     INTEGER REFERENCES actor (id),
  PRIMARY KEY (case_id, skill_uri)
) WITHOUT ROWID;

-- An action of the plan can point at the module and the skill it closes.
ALTER TABLE plan_action ADD COLUMN module_id INTEGER REFERENCES training_module (id) ON DELETE SET NULL;
ALTER TABLE plan_action ADD COLUMN skill_uri TEXT;
