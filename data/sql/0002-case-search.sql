-- Schema version 2: full-text search over cases (name, code, origin,
-- experiences), accent- and case-insensitive, with prefix indexes for
-- type-ahead. The rows are written by the store in the same transaction as
-- the change they reflect; rowid = case_file.id.
CREATE VIRTUAL TABLE case_search USING fts5 (
  code, names, origin, experiences,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

INSERT INTO case_search (rowid, code, names, origin, experiences)
SELECT c.id, c.code, c.given_name || ' ' || c.family_name, coalesce (c.origin_country, ''),
       coalesce ((SELECT group_concat (e.title || ' ' || e.organisation || ' ' || e.place || ' ' || e.tasks, ' ')
                  FROM experience e WHERE e.case_id = c.id), '')
FROM case_file c;
