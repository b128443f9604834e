-- Schema version 6: the order of the case list kept in the store. Each case
-- carries the collation key of its name as shown (casefolded, in the order
-- of the locale named by the setting 'case.sort_locale'), so that the list
-- of thousands of cases is read in order from an index instead of being
-- keyed and sorted at every opening. The keys are written with the names
-- (pa-store-cases.c) and all rewritten when the store is opened under
-- another collation locale (pa_store_sort_all_cases).

ALTER TABLE case_file ADD COLUMN sort_key BLOB;
CREATE INDEX case_file_sort ON case_file (sort_key, id, trashed_at);
