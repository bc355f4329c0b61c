-- ADR 012: composite keys (practice_id, x_id) → x (practice_id, id), so that a practice's row cannot point at
-- another practice's row. Written by drizzle-kit, then edited by hand: the check first, the UNIQUE keys before
-- the foreign keys, each new key NOT VALID then validated, and ON DELETE SET NULL ("x_id") (PostgreSQL 15+),
-- which nulls the reference and keeps practice_id.
DO $$
DECLARE
  found text := '';
  n bigint;
  sample text;
BEGIN
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "absences" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  absences.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "agenda_grants" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  agenda_grants.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."viewer_id"::text))[1:3], ', ')
    INTO n, sample FROM "agenda_grants" c JOIN "staff" p ON p."id" = c."viewer_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  agenda_grants.viewer_id: ' || n || ' row(s), e.g. viewer_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."appointment_id"::text))[1:3], ', ')
    INTO n, sample FROM "appointment_events" c JOIN "appointments" p ON p."id" = c."appointment_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  appointment_events.appointment_id: ' || n || ' row(s), e.g. appointment_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."created_by_staff_id"::text))[1:3], ', ')
    INTO n, sample FROM "appointments" c JOIN "staff" p ON p."id" = c."created_by_staff_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  appointments.created_by_staff_id: ' || n || ' row(s), e.g. created_by_staff_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."location_id"::text))[1:3], ', ')
    INTO n, sample FROM "appointments" c JOIN "locations" p ON p."id" = c."location_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  appointments.location_id: ' || n || ' row(s), e.g. location_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."motif_id"::text))[1:3], ', ')
    INTO n, sample FROM "appointments" c JOIN "motifs" p ON p."id" = c."motif_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  appointments.motif_id: ' || n || ' row(s), e.g. motif_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "appointments" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  appointments.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "appointments" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  appointments.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "booking_grants" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  booking_grants.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "calendar_feeds" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  calendar_feeds.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."code_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_codes" c JOIN "one_time_codes" p ON p."id" = c."code_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_codes.code_id: ' || n || ' row(s), e.g. code_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."document_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_codes" c JOIN "documents" p ON p."id" = c."document_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_codes.document_id: ' || n || ' row(s), e.g. document_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."link_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_codes" c JOIN "secure_links" p ON p."id" = c."link_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_codes.link_id: ' || n || ' row(s), e.g. link_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."signer_patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_codes" c JOIN "patients" p ON p."id" = c."signer_patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_codes.signer_patient_id: ' || n || ' row(s), e.g. signer_patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."document_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_signatures" c JOIN "documents" p ON p."id" = c."document_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_signatures.document_id: ' || n || ' row(s), e.g. document_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."for_patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_signatures" c JOIN "patients" p ON p."id" = c."for_patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_signatures.for_patient_id: ' || n || ' row(s), e.g. for_patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."signer_patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "document_signatures" c JOIN "patients" p ON p."id" = c."signer_patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  document_signatures.signer_patient_id: ' || n || ' row(s), e.g. signer_patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "documents" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  documents.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."uploaded_by"::text))[1:3], ', ')
    INTO n, sample FROM "documents" c JOIN "staff" p ON p."id" = c."uploaded_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  documents.uploaded_by: ' || n || ' row(s), e.g. uploaded_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."filed_by"::text))[1:3], ', ')
    INTO n, sample FROM "message_attachments" c JOIN "staff" p ON p."id" = c."filed_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  message_attachments.filed_by: ' || n || ' row(s), e.g. filed_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."filed_document_id"::text))[1:3], ', ')
    INTO n, sample FROM "message_attachments" c JOIN "documents" p ON p."id" = c."filed_document_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  message_attachments.filed_document_id: ' || n || ' row(s), e.g. filed_document_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."message_id"::text))[1:3], ', ')
    INTO n, sample FROM "message_attachments" c JOIN "messages" p ON p."id" = c."message_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  message_attachments.message_id: ' || n || ' row(s), e.g. message_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."created_by"::text))[1:3], ', ')
    INTO n, sample FROM "message_templates" c JOIN "staff" p ON p."id" = c."created_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  message_templates.created_by: ' || n || ' row(s), e.g. created_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "message_threads" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  message_threads.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."author_patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "messages" c JOIN "patients" p ON p."id" = c."author_patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  messages.author_patient_id: ' || n || ' row(s), e.g. author_patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."author_staff_id"::text))[1:3], ', ')
    INTO n, sample FROM "messages" c JOIN "staff" p ON p."id" = c."author_staff_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  messages.author_staff_id: ' || n || ' row(s), e.g. author_staff_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."thread_id"::text))[1:3], ', ')
    INTO n, sample FROM "messages" c JOIN "message_threads" p ON p."id" = c."thread_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  messages.thread_id: ' || n || ' row(s), e.g. thread_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "one_time_codes" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  one_time_codes.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."motif_id"::text))[1:3], ', ')
    INTO n, sample FROM "opening_range_motifs" c JOIN "motifs" p ON p."id" = c."motif_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  opening_range_motifs.motif_id: ' || n || ' row(s), e.g. motif_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."opening_range_id"::text))[1:3], ', ')
    INTO n, sample FROM "opening_range_motifs" c JOIN "opening_ranges" p ON p."id" = c."opening_range_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  opening_range_motifs.opening_range_id: ' || n || ' row(s), e.g. opening_range_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."location_id"::text))[1:3], ', ')
    INTO n, sample FROM "opening_ranges" c JOIN "locations" p ON p."id" = c."location_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  opening_ranges.location_id: ' || n || ' row(s), e.g. location_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "opening_ranges" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  opening_ranges.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."decided_by"::text))[1:3], ', ')
    INTO n, sample FROM "patient_change_requests" c JOIN "staff" p ON p."id" = c."decided_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_change_requests.decided_by: ' || n || ' row(s), e.g. decided_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "patient_change_requests" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_change_requests.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."requested_by_patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "patient_change_requests" c JOIN "patients" p ON p."id" = c."requested_by_patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_change_requests.requested_by_patient_id: ' || n || ' row(s), e.g. requested_by_patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "patient_referents" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_referents.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."staff_id"::text))[1:3], ', ')
    INTO n, sample FROM "patient_referents" c JOIN "staff" p ON p."id" = c."staff_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_referents.staff_id: ' || n || ' row(s), e.g. staff_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "patient_relations" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_relations.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."responsable_id"::text))[1:3], ', ')
    INTO n, sample FROM "patient_relations" c JOIN "patients" p ON p."id" = c."responsable_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patient_relations.responsable_id: ' || n || ' row(s), e.g. responsable_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."created_by"::text))[1:3], ', ')
    INTO n, sample FROM "patients" c JOIN "staff" p ON p."id" = c."created_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patients.created_by: ' || n || ' row(s), e.g. created_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."own_practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "patients" c JOIN "staff" p ON p."id" = c."own_practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  patients.own_practitioner_id: ' || n || ' row(s), e.g. own_practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."updated_by"::text))[1:3], ', ')
    INTO n, sample FROM "practice_app_settings" c JOIN "staff" p ON p."id" = c."updated_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  practice_app_settings.updated_by: ' || n || ' row(s), e.g. updated_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."updated_by"::text))[1:3], ', ')
    INTO n, sample FROM "practice_document_settings" c JOIN "staff" p ON p."id" = c."updated_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  practice_document_settings.updated_by: ' || n || ' row(s), e.g. updated_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."session_id"::text))[1:3], ', ')
    INTO n, sample FROM "push_subscriptions" c JOIN "sessions" p ON p."id" = c."session_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  push_subscriptions.session_id: ' || n || ' row(s), e.g. session_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."link_id"::text))[1:3], ', ')
    INTO n, sample FROM "secure_link_openings" c JOIN "secure_links" p ON p."id" = c."link_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  secure_link_openings.link_id: ' || n || ' row(s), e.g. link_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."created_by"::text))[1:3], ', ')
    INTO n, sample FROM "secure_links" c JOIN "staff" p ON p."id" = c."created_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  secure_links.created_by: ' || n || ' row(s), e.g. created_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."document_id"::text))[1:3], ', ')
    INTO n, sample FROM "secure_links" c JOIN "documents" p ON p."id" = c."document_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  secure_links.document_id: ' || n || ' row(s), e.g. document_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."revoked_by"::text))[1:3], ', ')
    INTO n, sample FROM "secure_links" c JOIN "staff" p ON p."id" = c."revoked_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  secure_links.revoked_by: ' || n || ' row(s), e.g. revoked_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "sessions" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  sessions.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."staff_id"::text))[1:3], ', ')
    INTO n, sample FROM "sessions" c JOIN "staff" p ON p."id" = c."staff_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  sessions.staff_id: ' || n || ' row(s), e.g. staff_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."created_by"::text))[1:3], ', ')
    INTO n, sample FROM "staff_invitations" c JOIN "staff" p ON p."id" = c."created_by" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  staff_invitations.created_by: ' || n || ' row(s), e.g. created_by = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."staff_id"::text))[1:3], ', ')
    INTO n, sample FROM "staff_invitations" c JOIN "staff" p ON p."id" = c."staff_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  staff_invitations.staff_id: ' || n || ' row(s), e.g. staff_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."motif_id"::text))[1:3], ', ')
    INTO n, sample FROM "waitlist_entries" c JOIN "motifs" p ON p."id" = c."motif_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  waitlist_entries.motif_id: ' || n || ' row(s), e.g. motif_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."patient_id"::text))[1:3], ', ')
    INTO n, sample FROM "waitlist_entries" c JOIN "patients" p ON p."id" = c."patient_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  waitlist_entries.patient_id: ' || n || ' row(s), e.g. patient_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "waitlist_entries" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  waitlist_entries.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."entry_id"::text))[1:3], ', ')
    INTO n, sample FROM "waitlist_offers" c JOIN "waitlist_entries" p ON p."id" = c."entry_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  waitlist_offers.entry_id: ' || n || ' row(s), e.g. entry_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."location_id"::text))[1:3], ', ')
    INTO n, sample FROM "waitlist_offers" c JOIN "locations" p ON p."id" = c."location_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  waitlist_offers.location_id: ' || n || ' row(s), e.g. location_id = ' || sample; END IF;
  SELECT count(*), array_to_string((array_agg(DISTINCT c."practitioner_id"::text))[1:3], ', ')
    INTO n, sample FROM "waitlist_offers" c JOIN "staff" p ON p."id" = c."practitioner_id" WHERE p."practice_id" <> c."practice_id";
  IF n > 0 THEN found := found || E'\n  waitlist_offers.practitioner_id: ' || n || ' row(s), e.g. practitioner_id = ' || sample; END IF;
  IF found <> '' THEN
    RAISE EXCEPTION 'tenancy: rows reference another practice''s rows:%', found
      USING HINT = 'Migration 0016 adds composite keys to the practice (docs/decisions/012-tenancy-in-the-database.md). '
        'Nothing was changed. Repair these rows (move them, or clear the reference), then start again.';
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "one_time_codes" ADD CONSTRAINT "one_time_codes_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "motifs" ADD CONSTRAINT "motifs_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_practice_id_id_unique" UNIQUE("practice_id","id");
--> statement-breakpoint
ALTER TABLE "one_time_codes" DROP CONSTRAINT "one_time_codes_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "one_time_codes" ADD CONSTRAINT "one_time_codes_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_staff_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_tenant_fk" FOREIGN KEY ("practice_id","staff_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "booking_grants" DROP CONSTRAINT "booking_grants_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "booking_grants" ADD CONSTRAINT "booking_grants_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "waitlist_entries" DROP CONSTRAINT "waitlist_entries_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "waitlist_entries" DROP CONSTRAINT "waitlist_entries_motif_id_motifs_id_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_motif_id_tenant_fk" FOREIGN KEY ("practice_id","motif_id") REFERENCES "public"."motifs"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "waitlist_entries" DROP CONSTRAINT "waitlist_entries_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "waitlist_offers" DROP CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_tenant_fk" FOREIGN KEY ("practice_id","entry_id") REFERENCES "public"."waitlist_entries"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "waitlist_offers" DROP CONSTRAINT "waitlist_offers_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "waitlist_offers" DROP CONSTRAINT "waitlist_offers_location_id_locations_id_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_location_id_tenant_fk" FOREIGN KEY ("practice_id","location_id") REFERENCES "public"."locations"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_codes" DROP CONSTRAINT "document_codes_code_id_one_time_codes_id_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_code_id_tenant_fk" FOREIGN KEY ("practice_id","code_id") REFERENCES "public"."one_time_codes"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_codes" DROP CONSTRAINT "document_codes_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_document_id_tenant_fk" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_codes" DROP CONSTRAINT "document_codes_link_id_secure_links_id_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_link_id_tenant_fk" FOREIGN KEY ("practice_id","link_id") REFERENCES "public"."secure_links"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_codes" DROP CONSTRAINT "document_codes_signer_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_signer_patient_id_tenant_fk" FOREIGN KEY ("practice_id","signer_patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_signatures" DROP CONSTRAINT "document_signatures_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_document_id_tenant_fk" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_signatures" DROP CONSTRAINT "document_signatures_signer_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signer_patient_id_tenant_fk" FOREIGN KEY ("practice_id","signer_patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE SET NULL ("signer_patient_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "document_signatures" DROP CONSTRAINT "document_signatures_for_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_for_patient_id_tenant_fk" FOREIGN KEY ("practice_id","for_patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE SET NULL ("for_patient_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_uploaded_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_tenant_fk" FOREIGN KEY ("practice_id","uploaded_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("uploaded_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "practice_document_settings" DROP CONSTRAINT "practice_document_settings_updated_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "practice_document_settings" ADD CONSTRAINT "practice_document_settings_updated_by_tenant_fk" FOREIGN KEY ("practice_id","updated_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("updated_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "secure_link_openings" DROP CONSTRAINT "secure_link_openings_link_id_secure_links_id_fk";
--> statement-breakpoint
ALTER TABLE "secure_link_openings" ADD CONSTRAINT "secure_link_openings_link_id_tenant_fk" FOREIGN KEY ("practice_id","link_id") REFERENCES "public"."secure_links"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "secure_links" DROP CONSTRAINT "secure_links_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_document_id_tenant_fk" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "secure_links" DROP CONSTRAINT "secure_links_revoked_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_revoked_by_tenant_fk" FOREIGN KEY ("practice_id","revoked_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("revoked_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "secure_links" DROP CONSTRAINT "secure_links_created_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_created_by_tenant_fk" FOREIGN KEY ("practice_id","created_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("created_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "message_attachments" DROP CONSTRAINT "message_attachments_message_id_messages_id_fk";
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_id_tenant_fk" FOREIGN KEY ("practice_id","message_id") REFERENCES "public"."messages"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "message_attachments" DROP CONSTRAINT "message_attachments_filed_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_filed_by_tenant_fk" FOREIGN KEY ("practice_id","filed_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("filed_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "message_attachments" DROP CONSTRAINT "message_attachments_filed_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_filed_document_id_tenant_fk" FOREIGN KEY ("practice_id","filed_document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE SET NULL ("filed_document_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "message_templates" DROP CONSTRAINT "message_templates_created_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_created_by_tenant_fk" FOREIGN KEY ("practice_id","created_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("created_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "message_threads" DROP CONSTRAINT "message_threads_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_thread_id_message_threads_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_tenant_fk" FOREIGN KEY ("practice_id","thread_id") REFERENCES "public"."message_threads"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_author_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_patient_id_tenant_fk" FOREIGN KEY ("practice_id","author_patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE SET NULL ("author_patient_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_author_staff_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_staff_id_tenant_fk" FOREIGN KEY ("practice_id","author_staff_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("author_staff_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_change_requests" DROP CONSTRAINT "patient_change_requests_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_change_requests" DROP CONSTRAINT "patient_change_requests_requested_by_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_requested_by_patient_id_tenant_fk" FOREIGN KEY ("practice_id","requested_by_patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE SET NULL ("requested_by_patient_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_change_requests" DROP CONSTRAINT "patient_change_requests_decided_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_decided_by_tenant_fk" FOREIGN KEY ("practice_id","decided_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("decided_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "practice_app_settings" DROP CONSTRAINT "practice_app_settings_updated_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "practice_app_settings" ADD CONSTRAINT "practice_app_settings_updated_by_tenant_fk" FOREIGN KEY ("practice_id","updated_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("updated_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_referents" DROP CONSTRAINT "patient_referents_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_referents" ADD CONSTRAINT "patient_referents_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_referents" DROP CONSTRAINT "patient_referents_staff_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_referents" ADD CONSTRAINT "patient_referents_staff_id_tenant_fk" FOREIGN KEY ("practice_id","staff_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_relations" DROP CONSTRAINT "patient_relations_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_relations" ADD CONSTRAINT "patient_relations_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patient_relations" DROP CONSTRAINT "patient_relations_responsable_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "patient_relations" ADD CONSTRAINT "patient_relations_responsable_id_tenant_fk" FOREIGN KEY ("practice_id","responsable_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patients" DROP CONSTRAINT "patients_own_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_own_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","own_practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("own_practitioner_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "patients" DROP CONSTRAINT "patients_created_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_created_by_tenant_fk" FOREIGN KEY ("practice_id","created_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("created_by") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "push_subscriptions" DROP CONSTRAINT "push_subscriptions_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_session_id_tenant_fk" FOREIGN KEY ("practice_id","session_id") REFERENCES "public"."sessions"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "absences" DROP CONSTRAINT "absences_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "agenda_grants" DROP CONSTRAINT "agenda_grants_viewer_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "agenda_grants" ADD CONSTRAINT "agenda_grants_viewer_id_tenant_fk" FOREIGN KEY ("practice_id","viewer_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "agenda_grants" DROP CONSTRAINT "agenda_grants_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "agenda_grants" ADD CONSTRAINT "agenda_grants_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "appointment_events" DROP CONSTRAINT "appointment_events_appointment_id_appointments_id_fk";
--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_id_tenant_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_location_id_locations_id_fk";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_tenant_fk" FOREIGN KEY ("practice_id","location_id") REFERENCES "public"."locations"("practice_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_motif_id_motifs_id_fk";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_motif_id_tenant_fk" FOREIGN KEY ("practice_id","motif_id") REFERENCES "public"."motifs"("practice_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_patient_id_patients_id_fk";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_tenant_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patients"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_created_by_staff_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_staff_id_tenant_fk" FOREIGN KEY ("practice_id","created_by_staff_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE SET NULL ("created_by_staff_id") ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "opening_range_motifs" DROP CONSTRAINT "opening_range_motifs_opening_range_id_opening_ranges_id_fk";
--> statement-breakpoint
ALTER TABLE "opening_range_motifs" ADD CONSTRAINT "opening_range_motifs_opening_range_id_tenant_fk" FOREIGN KEY ("practice_id","opening_range_id") REFERENCES "public"."opening_ranges"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "opening_range_motifs" DROP CONSTRAINT "opening_range_motifs_motif_id_motifs_id_fk";
--> statement-breakpoint
ALTER TABLE "opening_range_motifs" ADD CONSTRAINT "opening_range_motifs_motif_id_tenant_fk" FOREIGN KEY ("practice_id","motif_id") REFERENCES "public"."motifs"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "opening_ranges" DROP CONSTRAINT "opening_ranges_practitioner_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_practitioner_id_tenant_fk" FOREIGN KEY ("practice_id","practitioner_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "opening_ranges" DROP CONSTRAINT "opening_ranges_location_id_locations_id_fk";
--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_location_id_tenant_fk" FOREIGN KEY ("practice_id","location_id") REFERENCES "public"."locations"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_staff_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_staff_id_tenant_fk" FOREIGN KEY ("practice_id","staff_id") REFERENCES "public"."staff"("practice_id","id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_created_by_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_created_by_tenant_fk" FOREIGN KEY ("practice_id","created_by") REFERENCES "public"."staff"("practice_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION NOT VALID;
--> statement-breakpoint
ALTER TABLE "one_time_codes" VALIDATE CONSTRAINT "one_time_codes_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "sessions" VALIDATE CONSTRAINT "sessions_staff_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "sessions" VALIDATE CONSTRAINT "sessions_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "booking_grants" VALIDATE CONSTRAINT "booking_grants_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "calendar_feeds" VALIDATE CONSTRAINT "calendar_feeds_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_entries" VALIDATE CONSTRAINT "waitlist_entries_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_entries" VALIDATE CONSTRAINT "waitlist_entries_motif_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_entries" VALIDATE CONSTRAINT "waitlist_entries_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_offers" VALIDATE CONSTRAINT "waitlist_offers_entry_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_offers" VALIDATE CONSTRAINT "waitlist_offers_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "waitlist_offers" VALIDATE CONSTRAINT "waitlist_offers_location_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" VALIDATE CONSTRAINT "document_codes_code_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" VALIDATE CONSTRAINT "document_codes_document_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" VALIDATE CONSTRAINT "document_codes_link_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_codes" VALIDATE CONSTRAINT "document_codes_signer_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_signatures" VALIDATE CONSTRAINT "document_signatures_document_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_signatures" VALIDATE CONSTRAINT "document_signatures_signer_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "document_signatures" VALIDATE CONSTRAINT "document_signatures_for_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "documents" VALIDATE CONSTRAINT "documents_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "documents" VALIDATE CONSTRAINT "documents_uploaded_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "practice_document_settings" VALIDATE CONSTRAINT "practice_document_settings_updated_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "secure_link_openings" VALIDATE CONSTRAINT "secure_link_openings_link_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "secure_links" VALIDATE CONSTRAINT "secure_links_document_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "secure_links" VALIDATE CONSTRAINT "secure_links_revoked_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "secure_links" VALIDATE CONSTRAINT "secure_links_created_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "message_attachments" VALIDATE CONSTRAINT "message_attachments_message_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "message_attachments" VALIDATE CONSTRAINT "message_attachments_filed_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "message_attachments" VALIDATE CONSTRAINT "message_attachments_filed_document_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "message_templates" VALIDATE CONSTRAINT "message_templates_created_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "message_threads" VALIDATE CONSTRAINT "message_threads_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "messages" VALIDATE CONSTRAINT "messages_thread_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "messages" VALIDATE CONSTRAINT "messages_author_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "messages" VALIDATE CONSTRAINT "messages_author_staff_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_change_requests" VALIDATE CONSTRAINT "patient_change_requests_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_change_requests" VALIDATE CONSTRAINT "patient_change_requests_requested_by_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_change_requests" VALIDATE CONSTRAINT "patient_change_requests_decided_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "practice_app_settings" VALIDATE CONSTRAINT "practice_app_settings_updated_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_referents" VALIDATE CONSTRAINT "patient_referents_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_referents" VALIDATE CONSTRAINT "patient_referents_staff_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_relations" VALIDATE CONSTRAINT "patient_relations_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patient_relations" VALIDATE CONSTRAINT "patient_relations_responsable_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patients" VALIDATE CONSTRAINT "patients_own_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "patients" VALIDATE CONSTRAINT "patients_created_by_tenant_fk";
--> statement-breakpoint
ALTER TABLE "push_subscriptions" VALIDATE CONSTRAINT "push_subscriptions_session_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "absences" VALIDATE CONSTRAINT "absences_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "agenda_grants" VALIDATE CONSTRAINT "agenda_grants_viewer_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "agenda_grants" VALIDATE CONSTRAINT "agenda_grants_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "appointment_events" VALIDATE CONSTRAINT "appointment_events_appointment_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "appointments" VALIDATE CONSTRAINT "appointments_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "appointments" VALIDATE CONSTRAINT "appointments_location_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "appointments" VALIDATE CONSTRAINT "appointments_motif_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "appointments" VALIDATE CONSTRAINT "appointments_patient_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "appointments" VALIDATE CONSTRAINT "appointments_created_by_staff_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "opening_range_motifs" VALIDATE CONSTRAINT "opening_range_motifs_opening_range_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "opening_range_motifs" VALIDATE CONSTRAINT "opening_range_motifs_motif_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "opening_ranges" VALIDATE CONSTRAINT "opening_ranges_practitioner_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "opening_ranges" VALIDATE CONSTRAINT "opening_ranges_location_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "staff_invitations" VALIDATE CONSTRAINT "staff_invitations_staff_id_tenant_fk";
--> statement-breakpoint
ALTER TABLE "staff_invitations" VALIDATE CONSTRAINT "staff_invitations_created_by_tenant_fk";
