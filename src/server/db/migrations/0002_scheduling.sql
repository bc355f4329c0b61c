CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"first_day" date,
	"start_minute" integer,
	"end_minute" integer,
	"weekdays" integer[],
	"interval_weeks" integer,
	"until_day" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_shape_check" CHECK (("absences"."starts_at" is not null and "absences"."ends_at" > "absences"."starts_at" and "absences"."first_day" is null)
        or ("absences"."starts_at" is null and "absences"."first_day" is not null and "absences"."start_minute" >= 0 and "absences"."end_minute" <= 1440
            and "absences"."end_minute" > "absences"."start_minute" and "absences"."interval_weeks" between 1 and 52 and cardinality("absences"."weekdays") > 0))
);
--> statement-breakpoint
CREATE TABLE "agenda_grants" (
	"practice_id" uuid NOT NULL,
	"viewer_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	CONSTRAINT "agenda_grants_viewer_id_practitioner_id_pk" PRIMARY KEY("viewer_id","practitioner_id")
);
--> statement-breakpoint
CREATE TABLE "appointment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"motif_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"period" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	"status" text DEFAULT 'unknown' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancellation_reason" text,
	"deleted_at" timestamp with time zone,
	"comment" text,
	"channel" text DEFAULT 'staff' NOT NULL,
	"created_by_staff_id" uuid,
	"carte_vitale" boolean DEFAULT false NOT NULL,
	"first_visit" boolean DEFAULT false NOT NULL,
	"patient_agreed_other_practitioner" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_time_check" CHECK ("appointments"."ends_at" > "appointments"."starts_at"),
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('unknown', 'waiting_room', 'seen', 'excused', 'not_excused', 'cancelled')),
	CONSTRAINT "appointments_channel_check" CHECK ("appointments"."channel" in ('staff', 'online', 'app'))
);
--> statement-breakpoint
CREATE TABLE "motifs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"duration_minutes" integer NOT NULL,
	"first_visit_duration_minutes" integer,
	"colour" text DEFAULT '#2563eb' NOT NULL,
	"kind" text DEFAULT 'on_site' NOT NULL,
	"online_bookable" boolean DEFAULT false NOT NULL,
	"min_booking_delay_minutes" integer DEFAULT 0 NOT NULL,
	"max_booking_delay_days" integer,
	"patient_restriction" text DEFAULT 'all' NOT NULL,
	"follow_up_only" boolean DEFAULT false NOT NULL,
	"bookable_by_secretary" boolean DEFAULT true NOT NULL,
	"notifications_enabled" boolean DEFAULT true NOT NULL,
	"instructions_before" text,
	"instructions_after" text,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motifs_duration_check" CHECK ("motifs"."duration_minutes" between 5 and 600),
	CONSTRAINT "motifs_first_visit_check" CHECK ("motifs"."first_visit_duration_minutes" is null or "motifs"."first_visit_duration_minutes" between 5 and 600),
	CONSTRAINT "motifs_kind_check" CHECK ("motifs"."kind" in ('on_site', 'phone', 'home')),
	CONSTRAINT "motifs_restriction_check" CHECK ("motifs"."patient_restriction" in ('all', 'new_only', 'existing_only')),
	CONSTRAINT "motifs_delays_check" CHECK ("motifs"."min_booking_delay_minutes" >= 0 and ("motifs"."max_booking_delay_days" is null or "motifs"."max_booking_delay_days" > 0)),
	CONSTRAINT "motifs_buffers_check" CHECK ("motifs"."buffer_before_minutes" between 0 and 240 and "motifs"."buffer_after_minutes" between 0 and 240)
);
--> statement-breakpoint
CREATE TABLE "opening_range_motifs" (
	"practice_id" uuid NOT NULL,
	"opening_range_id" uuid NOT NULL,
	"motif_id" uuid NOT NULL,
	CONSTRAINT "opening_range_motifs_opening_range_id_motif_id_pk" PRIMARY KEY("opening_range_id","motif_id")
);
--> statement-breakpoint
CREATE TABLE "opening_ranges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"title" text,
	"first_day" date NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"weekdays" integer[],
	"interval_weeks" integer,
	"until_day" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opening_ranges_minutes_check" CHECK ("opening_ranges"."start_minute" >= 0 and "opening_ranges"."end_minute" <= 1440 and "opening_ranges"."end_minute" > "opening_ranges"."start_minute"),
	CONSTRAINT "opening_ranges_weekly_check" CHECK (("opening_ranges"."interval_weeks" is null and "opening_ranges"."weekdays" is null) or ("opening_ranges"."interval_weeks" between 1 and 52 and cardinality("opening_ranges"."weekdays") > 0)),
	CONSTRAINT "opening_ranges_until_check" CHECK ("opening_ranges"."until_day" is null or "opening_ranges"."until_day" >= "opening_ranges"."first_day")
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "search_name" text GENERATED ALWAYS AS (sourire_fold(last_name || ' ' || first_name)) STORED;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "slot_grid_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "online_booking_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "closed_on_public_holidays" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "excused_notice_hours" integer;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "online_booking_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_practitioner_id_staff_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_grants" ADD CONSTRAINT "agenda_grants_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_grants" ADD CONSTRAINT "agenda_grants_viewer_id_staff_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_grants" ADD CONSTRAINT "agenda_grants_practitioner_id_staff_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practitioner_id_staff_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_motif_id_motifs_id_fk" FOREIGN KEY ("motif_id") REFERENCES "public"."motifs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motifs" ADD CONSTRAINT "motifs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_range_motifs" ADD CONSTRAINT "opening_range_motifs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_range_motifs" ADD CONSTRAINT "opening_range_motifs_opening_range_id_opening_ranges_id_fk" FOREIGN KEY ("opening_range_id") REFERENCES "public"."opening_ranges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_range_motifs" ADD CONSTRAINT "opening_range_motifs_motif_id_motifs_id_fk" FOREIGN KEY ("motif_id") REFERENCES "public"."motifs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_practitioner_id_staff_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_practitioner_idx" ON "absences" USING btree ("practice_id","practitioner_id");--> statement-breakpoint
CREATE INDEX "appointment_events_appointment_idx" ON "appointment_events" USING btree ("appointment_id","at");--> statement-breakpoint
CREATE INDEX "appointments_agenda_idx" ON "appointments" USING btree ("practice_id","practitioner_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_patient_idx" ON "appointments" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "motifs_practice_idx" ON "motifs" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "opening_ranges_practitioner_idx" ON "opening_ranges" USING btree ("practice_id","practitioner_id");--> statement-breakpoint
CREATE INDEX "patients_search_name_idx" ON "patients" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "patients_email_idx" ON "patients" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "patients_phone_trgm_idx" ON "patients" USING gin ("mobile_phone" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_grid_check" CHECK ("practices"."slot_grid_minutes" in (5, 10, 15, 20, 30));--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_notice_check" CHECK ("practices"."excused_notice_hours" is null or "practices"."excused_notice_hours" between 1 and 168);