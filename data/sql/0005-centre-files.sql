-- Schema version 5: files of the centre (its logo) kept inside the store,
-- so that a backup carries them to another computer. Before, the logo was a
-- copy beside the store, named by the setting 'centre.logo'; the store
-- imports that file when it opens (pa-store.c, import_logo_file).

CREATE TABLE setting_file (
  key         TEXT PRIMARY KEY,            -- 'centre.logo'
  content     BLOB NOT NULL,
  sha256      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
