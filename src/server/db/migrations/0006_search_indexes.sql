-- Patient search (PAT-3) must stay fast however patients are added. With GIN's fast-update pending
-- list, fresh rows sit outside the index proper: each index scan gets slower, the planner prices it
-- higher, and the name search flips to a sequential scan scoring every patient (≈200–600 ms at 100,000
-- patients, measured by bench/scheduling-api.ts). Indexes rebuilt with fastupdate off keep the plan on
-- the index; inserts pay a little more.
DROP INDEX "patients_search_name_idx";--> statement-breakpoint
DROP INDEX "patients_email_idx";--> statement-breakpoint
DROP INDEX "patients_phone_trgm_idx";--> statement-breakpoint
CREATE INDEX "patients_search_name_idx" ON "patients" USING gin ("search_name" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "patients_email_idx" ON "patients" USING gin (lower("email") gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "patients_phone_trgm_idx" ON "patients" USING gin ("mobile_phone" gin_trgm_ops) WITH (fastupdate=false);