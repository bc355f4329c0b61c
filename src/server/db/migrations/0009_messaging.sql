CREATE TABLE "message_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"filed_at" timestamp with time zone,
	"filed_by" uuid,
	"filed_document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_attachments_size_check" CHECK ("message_attachments"."size" > 0),
	CONSTRAINT "message_attachments_sha256_check" CHECK ("message_attachments"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "message_attachments_name_check" CHECK (char_length("message_attachments"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"attachment_file_key" text,
	"attachment_name" text,
	"attachment_content_type" text,
	"attachment_size" integer,
	"attachment_sha256" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_title_check" CHECK (char_length("message_templates"."title") between 1 and 100),
	CONSTRAINT "message_templates_body_check" CHECK (char_length("message_templates"."body") <= 5000),
	CONSTRAINT "message_templates_attachment_check" CHECK (("message_templates"."attachment_file_key" is null) = ("message_templates"."attachment_name" is null)
        and ("message_templates"."attachment_file_key" is null) = ("message_templates"."attachment_content_type" is null)
        and ("message_templates"."attachment_file_key" is null) = ("message_templates"."attachment_size" is null)
        and ("message_templates"."attachment_file_key" is null) = ("message_templates"."attachment_sha256" is null))
);
--> statement-breakpoint
CREATE TABLE "message_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"author_patient_id" uuid,
	"author_staff_id" uuid,
	"sender_phone" text,
	"body" text DEFAULT '' NOT NULL,
	"template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_by_patient_at" timestamp with time zone,
	"read_by_staff_at" timestamp with time zone,
	CONSTRAINT "messages_author_kind_check" CHECK ("messages"."author_kind" in ('patient', 'staff')),
	CONSTRAINT "messages_author_check" CHECK (("messages"."author_kind" = 'patient' and "messages"."author_staff_id" is null and "messages"."sender_phone" is not null)
        or ("messages"."author_kind" = 'staff' and "messages"."author_patient_id" is null and "messages"."sender_phone" is null)),
	CONSTRAINT "messages_body_length_check" CHECK (char_length("messages"."body") <= 5000)
);
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_filed_by_staff_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_patient_id_patients_id_fk" FOREIGN KEY ("author_patient_id") REFERENCES "public"."patients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_attachments_file_key_unique" ON "message_attachments" USING btree ("file_key");--> statement-breakpoint
CREATE INDEX "message_attachments_message_idx" ON "message_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_title_unique" ON "message_templates" USING btree ("practice_id",lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_file_key_unique" ON "message_templates" USING btree ("attachment_file_key");--> statement-breakpoint
CREATE UNIQUE INDEX "message_threads_patient_unique" ON "message_threads" USING btree ("practice_id","patient_id");--> statement-breakpoint
CREATE INDEX "message_threads_inbox_idx" ON "message_threads" USING btree ("practice_id","last_message_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_thread_page_idx" ON "messages" USING btree ("thread_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_unread_by_staff_idx" ON "messages" USING btree ("practice_id","thread_id") WHERE "messages"."author_kind" = 'patient' and "messages"."read_by_staff_at" is null;--> statement-breakpoint
CREATE INDEX "messages_unread_by_patient_idx" ON "messages" USING btree ("thread_id") WHERE "messages"."author_kind" = 'staff' and "messages"."read_by_patient_at" is null;--> statement-breakpoint
CREATE INDEX "messages_author_patient_idx" ON "messages" USING btree ("author_patient_id");