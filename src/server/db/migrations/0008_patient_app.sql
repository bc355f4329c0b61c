CREATE TABLE "patient_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"patient_id" uuid,
	"requested_by_phone" text NOT NULL,
	"requested_by_patient_id" uuid,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_change_requests_kind_check" CHECK ("patient_change_requests"."kind" in ('update_info', 'add_dependant')),
	CONSTRAINT "patient_change_requests_status_check" CHECK ("patient_change_requests"."status" in ('pending', 'accepted', 'rejected')),
	CONSTRAINT "patient_change_requests_decision_check" CHECK (("patient_change_requests"."status" = 'pending') = ("patient_change_requests"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "practice_app_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"modules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"practice_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"reminders" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_practice_id_phone_pk" PRIMARY KEY("practice_id","phone"),
	CONSTRAINT "reminder_preferences_max_check" CHECK (jsonb_array_length("reminder_preferences"."reminders") <= 5)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "public_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_requested_by_patient_id_patients_id_fk" FOREIGN KEY ("requested_by_patient_id") REFERENCES "public"."patients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_change_requests" ADD CONSTRAINT "patient_change_requests_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_app_settings" ADD CONSTRAINT "practice_app_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_app_settings" ADD CONSTRAINT "practice_app_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_change_requests_queue_idx" ON "patient_change_requests" USING btree ("practice_id","status","created_at");--> statement-breakpoint
CREATE INDEX "patient_change_requests_practice_idx" ON "patient_change_requests" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "patient_change_requests_phone_idx" ON "patient_change_requests" USING btree ("practice_id","requested_by_phone","created_at");--> statement-breakpoint
CREATE INDEX "patient_change_requests_patient_idx" ON "patient_change_requests" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_public_id_idx" ON "sessions" USING btree ("public_id");