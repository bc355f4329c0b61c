-- Extensions used by the schema: exclusion constraints on appointments (btree_gist), accent- and
-- typo-tolerant search (pg_trgm, unaccent). All three are trusted extensions on PostgreSQL 13+.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); indexes need an IMMUTABLE expression, so
-- this wrapper names the dictionary explicitly. Lower-cased and unaccented: 'Núñez' -> 'nunez'.
CREATE OR REPLACE FUNCTION sourire_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
