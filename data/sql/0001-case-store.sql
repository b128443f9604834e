-- Passerelle case store, schema version 1: the case file and everything it holds.
-- Dates are ISO 8601 text (YYYY-MM-DD), timestamps UTC (YYYY-MM-DDTHH:MM:SSZ).
-- Lists of allowed values are written as OR chains (and CEFR levels as a
-- GLOB), not as "x IN (…)": SQLite checks an IN list of three or more values
-- by building a temporary table at every insert, which made loading many
-- records several times slower.

CREATE TABLE actor (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL DEFAULT 'trainer'
                CHECK (role = 'trainer' OR role = 'coordinator' OR role = 'admin'),
  created_at    TEXT NOT NULL
);

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE case_file (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  given_name      TEXT NOT NULL DEFAULT '',
  family_name     TEXT NOT NULL DEFAULT '',
  gender          TEXT CHECK (gender = 'female' OR gender = 'male' OR gender = 'other'),
  birth_year      INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
  origin_country  TEXT,                       -- ISO 3166-1 alpha-2
  arrival_date    TEXT,
  contact         TEXT NOT NULL DEFAULT '',
  owner_id        INTEGER REFERENCES actor (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  trashed_at      TEXT                        -- NULL while active
);
CREATE INDEX case_file_trashed ON case_file (trashed_at);
-- Finds the last case number of a year ("PA-2026-0042") without a scan.
CREATE INDEX case_file_code_number
  ON case_file (substr (code, 1, 8), CAST (substr (code, 9) AS INTEGER));

CREATE TABLE consent (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  scope         TEXT NOT NULL
                CHECK (scope = 'processing' OR scope = 'sharing' OR scope = 'photo'
                       OR scope = 'employer_contact' OR scope = 'statistics'),
  given_on      TEXT NOT NULL,
  withdrawn_on  TEXT,
  note          TEXT NOT NULL DEFAULT '',
  recorded_by   INTEGER REFERENCES actor (id)
);
CREATE INDEX consent_case ON consent (case_id);

CREATE TABLE case_language (
  id                  INTEGER PRIMARY KEY,
  case_id             INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  language            TEXT NOT NULL,          -- ISO 639 code
  mother_tongue       INTEGER NOT NULL DEFAULT 0 CHECK (mother_tongue IN (0, 1)),
  listening           TEXT CHECK (listening GLOB '[ABC][12]'),
  reading             TEXT CHECK (reading GLOB '[ABC][12]'),
  spoken_interaction  TEXT CHECK (spoken_interaction GLOB '[ABC][12]'),
  spoken_production   TEXT CHECK (spoken_production GLOB '[ABC][12]'),
  writing             TEXT CHECK (writing GLOB '[ABC][12]'),
  source              TEXT NOT NULL DEFAULT 'self'
                      CHECK (source = 'self' OR source = 'trainer' OR source = 'test'
                             OR source = 'certificate'),
  UNIQUE (case_id, language)
);

CREATE TABLE education (
  id                  INTEGER PRIMARY KEY,
  case_id             INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  isced_level         INTEGER CHECK (isced_level BETWEEN 0 AND 8),
  isced_field         TEXT,                   -- ISCED-F 2013 code
  country             TEXT,
  institution         TEXT NOT NULL DEFAULT '',
  original_title      TEXT NOT NULL DEFAULT '',
  year_completed      INTEGER,
  documents_held      TEXT NOT NULL DEFAULT 'none'
                      CHECK (documents_held = 'none' OR documents_held = 'copy'
                             OR documents_held = 'original' OR documents_held = 'translated'),
  recognition_status  TEXT NOT NULL DEFAULT 'not_requested'
                      CHECK (recognition_status = 'not_requested'
                             OR recognition_status = 'requested' OR recognition_status = 'partial'
                             OR recognition_status = 'full' OR recognition_status = 'refused'),
  eqf_estimate        INTEGER CHECK (eqf_estimate BETWEEN 1 AND 8),
  notes               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX education_case ON education (case_id);

CREATE TABLE experience (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL
                  CHECK (kind = 'paid_work' OR kind = 'self_employment' OR kind = 'volunteering'
                         OR kind = 'ngo' OR kind = 'community' OR kind = 'trade_union'
                         OR kind = 'political' OR kind = 'family_care'
                         OR kind = 'non_formal_course' OR kind = 'informal_learning'
                         OR kind = 'migration_journey'),
  title           TEXT NOT NULL,
  organisation    TEXT NOT NULL DEFAULT '',
  country         TEXT,
  place           TEXT NOT NULL DEFAULT '',
  start_date      TEXT,
  end_date        TEXT,
  tasks           TEXT NOT NULL DEFAULT '',
  occupation_uri  TEXT,                       -- ESCO occupation or ISCO group URI
  position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX experience_case ON experience (case_id);

-- A competence claim: one framework item for one case, at one of four stages
-- (1 identified, 2 documented, 3 assessed, 4 certified).
CREATE TABLE claim (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  framework   TEXT NOT NULL,
  item_uri    TEXT NOT NULL,
  label       TEXT NOT NULL,
  level       TEXT,
  stage       INTEGER NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 4),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (case_id, item_uri)
);

CREATE INDEX claim_case_stage ON claim (case_id, stage);

CREATE TABLE claim_experience (
  claim_id       INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  experience_id  INTEGER NOT NULL REFERENCES experience (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, experience_id)
) WITHOUT ROWID;
-- Deleting an experience or evidence looks its links up by the other column.
CREATE INDEX claim_experience_experience ON claim_experience (experience_id);

CREATE TABLE claim_stage (
  id         INTEGER PRIMARY KEY,
  claim_id   INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  stage      INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 4),
  actor_id   INTEGER REFERENCES actor (id),
  at         TEXT NOT NULL,
  method     TEXT CHECK (method = 'interview' OR method = 'observation'
                         OR method = 'practical_test' OR method = 'document_review'
                         OR method = 'simulation' OR method = 'employer_reference'
                         OR method = 'self_assessment' OR method = 'suggestion'),
  level      TEXT,
  assessor   TEXT NOT NULL DEFAULT '',
  rationale  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX claim_stage_claim ON claim_stage (claim_id);

CREATE TABLE evidence (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  title        TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'other'
               CHECK (kind = 'diploma' OR kind = 'reference' OR kind = 'photo'
                      OR kind = 'work_sample' OR kind = 'observation' OR kind = 'certificate'
                      OR kind = 'other'),
  filename     TEXT NOT NULL DEFAULT '',
  mime_type    TEXT NOT NULL DEFAULT 'application/octet-stream',
  content      BLOB,
  sha256       TEXT,
  size         INTEGER NOT NULL DEFAULT 0,
  relevant     INTEGER NOT NULL DEFAULT 0 CHECK (relevant IN (0, 1)),
  authentic    INTEGER NOT NULL DEFAULT 0 CHECK (authentic IN (0, 1)),
  sufficient   INTEGER NOT NULL DEFAULT 0 CHECK (sufficient IN (0, 1)),
  current      INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)),
  added_at     TEXT NOT NULL,
  added_by     INTEGER REFERENCES actor (id)
);
CREATE INDEX evidence_case ON evidence (case_id);

CREATE TABLE claim_evidence (
  claim_id     INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  evidence_id  INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, evidence_id)
) WITHOUT ROWID;
CREATE INDEX claim_evidence_evidence ON claim_evidence (evidence_id);

CREATE TABLE goal (
  id                     INTEGER PRIMARY KEY,
  case_id                INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  title                  TEXT NOT NULL,
  target_occupation_uri  TEXT,
  status                 TEXT NOT NULL DEFAULT 'open'
                         CHECK (status = 'open' OR status = 'reached' OR status = 'dropped'),
  created_at             TEXT NOT NULL
);
CREATE INDEX goal_case ON goal (case_id);

CREATE TABLE plan_action (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  goal_id    INTEGER REFERENCES goal (id) ON DELETE SET NULL,
  kind       TEXT NOT NULL DEFAULT 'other'
             CHECK (kind = 'training' OR kind = 'recognition' OR kind = 'internship'
                    OR kind = 'language_course' OR kind = 'job_search' OR kind = 'other'),
  title      TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'planned'
             CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done'
                    OR status = 'cancelled'),
  due_on     TEXT,
  done_on    TEXT,
  notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_action_case ON plan_action (case_id);
CREATE INDEX plan_action_goal ON plan_action (goal_id);

CREATE TABLE case_session (
  id                INTEGER PRIMARY KEY,
  case_id           INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  kind              TEXT NOT NULL DEFAULT 'individual'
                    CHECK (kind = 'individual' OR kind = 'group' OR kind = 'mentoring'),
  held_on           TEXT NOT NULL,
  duration_minutes  INTEGER,
  notes             TEXT NOT NULL DEFAULT '',
  actor_id          INTEGER REFERENCES actor (id)
);
CREATE INDEX case_session_case ON case_session (case_id);

CREATE TABLE seminar (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  theme       TEXT NOT NULL DEFAULT '',
  location    TEXT NOT NULL DEFAULT '',
  start_date  TEXT,
  end_date    TEXT,
  created_at  TEXT NOT NULL
);

CREATE TABLE seminar_participant (
  seminar_id  INTEGER NOT NULL REFERENCES seminar (id) ON DELETE CASCADE,
  case_id     INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  PRIMARY KEY (seminar_id, case_id)
) WITHOUT ROWID;
CREATE INDEX seminar_participant_case ON seminar_participant (case_id);

CREATE TABLE seminar_session (
  id          INTEGER PRIMARY KEY,
  seminar_id  INTEGER NOT NULL REFERENCES seminar (id) ON DELETE CASCADE,
  held_on     TEXT NOT NULL,
  topic       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seminar_session_seminar ON seminar_session (seminar_id);

CREATE TABLE attendance (
  session_id  INTEGER NOT NULL REFERENCES seminar_session (id) ON DELETE CASCADE,
  case_id     INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  present     INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
  PRIMARY KEY (session_id, case_id)
) WITHOUT ROWID;
CREATE INDEX attendance_case ON attendance (case_id);

CREATE TABLE certificate (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  number           TEXT NOT NULL UNIQUE,
  issued_on        TEXT NOT NULL,
  issued_by        INTEGER REFERENCES actor (id),
  language         TEXT NOT NULL,
  second_language  TEXT,
  snapshot         TEXT NOT NULL,
  digest           TEXT NOT NULL,
  revoked_on       TEXT,
  revoked_reason   TEXT
);
CREATE INDEX certificate_case ON certificate (case_id);

-- Who did what, when. It names a case by its row id only, so that purging a
-- case leaves none of the participant's text behind here.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor_id  INTEGER REFERENCES actor (id),
  action    TEXT NOT NULL,
  case_id   INTEGER,
  object    TEXT NOT NULL DEFAULT '',
  detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_case ON audit (case_id);

INSERT INTO actor (id, login, display_name, role, created_at)
VALUES (1, 'trainer', 'Trainer', 'trainer', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
