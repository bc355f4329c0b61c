-- RDV-4: two live appointments of one practitioner can never overlap, whatever the code does and
-- however many requests arrive at once. A violation raises SQLSTATE 23P01, answered 409 SLOT_TAKEN.
-- Cancelled and deleted appointments free their time. '[)' ranges: back-to-back appointments are fine.
ALTER TABLE "appointments"
  ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("practitioner_id" WITH =, "period" WITH &&)
  WHERE ("cancelled_at" IS NULL AND "deleted_at" IS NULL);
