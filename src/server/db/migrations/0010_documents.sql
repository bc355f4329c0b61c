CREATE TABLE "document_codes" (
	"code_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"link_id" uuid,
	"signer_patient_id" uuid
);
--> statement-breakpoint
CREATE TABLE "document_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"signer_patient_id" uuid,
	"signer_name" text NOT NULL,
	"signer_role" text NOT NULL,
	"for_patient_id" uuid,
	"for_patient_name" text NOT NULL,
	"phone" text NOT NULL,
	"code_id" uuid,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"original_sha256" text NOT NULL,
	"signed_sha256" text NOT NULL,
	"signed_file_key" uuid NOT NULL,
	"signed_size" integer NOT NULL,
	CONSTRAINT "document_signatures_role_check" CHECK ("document_signatures"."signer_role" in ('patient', 'responsable'))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"file_key" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"page_count" integer,
	"requires_signature" boolean DEFAULT false NOT NULL,
	"letter_to_professional" boolean DEFAULT false NOT NULL,
	"visibility" jsonb,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "documents_type_check" CHECK ("documents"."type" in ('quote', 'informed_consent', 'invoice', 'letter', 'external_scanned', 'other')),
	CONSTRAINT "documents_content_type_check" CHECK ("documents"."content_type" in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif')),
	CONSTRAINT "documents_signature_pdf_check" CHECK (not "documents"."requires_signature" or "documents"."content_type" = 'application/pdf'),
	CONSTRAINT "documents_size_check" CHECK ("documents"."size" > 0),
	CONSTRAINT "documents_signed_check" CHECK ("documents"."signed_at" is null or "documents"."requires_signature")
);
--> statement-breakpoint
CREATE TABLE "practice_document_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "secure_link_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"access_hash" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secure_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"recipient_name" text,
	"phone" text NOT NULL,
	"email" text,
	"channel" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secure_links_channel_check" CHECK ("secure_links"."channel" in ('sms', 'email')),
	CONSTRAINT "secure_links_email_check" CHECK ("secure_links"."channel" <> 'email' or "secure_links"."email" is not null)
);
--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_code_id_one_time_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."one_time_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_link_id_secure_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."secure_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_codes" ADD CONSTRAINT "document_codes_signer_patient_id_patients_id_fk" FOREIGN KEY ("signer_patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signer_patient_id_patients_id_fk" FOREIGN KEY ("signer_patient_id") REFERENCES "public"."patients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_for_patient_id_patients_id_fk" FOREIGN KEY ("for_patient_id") REFERENCES "public"."patients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_document_settings" ADD CONSTRAINT "practice_document_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_document_settings" ADD CONSTRAINT "practice_document_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_link_openings" ADD CONSTRAINT "secure_link_openings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_link_openings" ADD CONSTRAINT "secure_link_openings_link_id_secure_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."secure_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_revoked_by_staff_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_codes_document_idx" ON "document_codes" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_signatures_document_unique" ON "document_signatures" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_signatures_file_key_unique" ON "document_signatures" USING btree ("signed_file_key");--> statement-breakpoint
CREATE INDEX "document_signatures_practice_idx" ON "document_signatures" USING btree ("practice_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_file_key_unique" ON "documents" USING btree ("file_key");--> statement-breakpoint
CREATE INDEX "documents_patient_idx" ON "documents" USING btree ("practice_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_pending_signature_idx" ON "documents" USING btree ("practice_id","created_at","id") WHERE "documents"."requires_signature" and "documents"."signed_at" is null;--> statement-breakpoint
CREATE INDEX "secure_link_openings_link_idx" ON "secure_link_openings" USING btree ("link_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "secure_link_openings_access_unique" ON "secure_link_openings" USING btree ("access_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "secure_links_token_unique" ON "secure_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "secure_links_document_idx" ON "secure_links" USING btree ("document_id","created_at");