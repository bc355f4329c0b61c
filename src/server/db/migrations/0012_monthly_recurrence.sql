ALTER TABLE "absences" DROP CONSTRAINT "absences_shape_check";--> statement-breakpoint
ALTER TABLE "absences" ADD COLUMN "interval_months" integer;--> statement-breakpoint
ALTER TABLE "absences" ADD COLUMN "month_day" integer;--> statement-breakpoint
ALTER TABLE "absences" ADD COLUMN "month_nth" integer;--> statement-breakpoint
ALTER TABLE "absences" ADD COLUMN "month_weekday" integer;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD COLUMN "interval_months" integer;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD COLUMN "month_day" integer;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD COLUMN "month_nth" integer;--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD COLUMN "month_weekday" integer;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_monthly_check" CHECK (("absences"."interval_months" is null and "absences"."month_day" is null and "absences"."month_nth" is null and "absences"."month_weekday" is null)
    or ("absences"."interval_months" between 1 and 12 and "absences"."interval_weeks" is null and "absences"."weekdays" is null
        and (("absences"."month_day" between 1 and 31 and "absences"."month_nth" is null and "absences"."month_weekday" is null)
          or ("absences"."month_day" is null and "absences"."month_nth" in (1, 2, 3, 4, 5, -1) and "absences"."month_weekday" between 1 and 7))));--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_shape_check" CHECK (("absences"."starts_at" is not null and "absences"."ends_at" > "absences"."starts_at" and "absences"."first_day" is null)
        or ("absences"."starts_at" is null and "absences"."first_day" is not null and "absences"."start_minute" >= 0 and "absences"."end_minute" <= 1440
            and "absences"."end_minute" > "absences"."start_minute"
            and (("absences"."interval_weeks" between 1 and 52 and cardinality("absences"."weekdays") > 0) or "absences"."interval_months" is not null)));--> statement-breakpoint
ALTER TABLE "opening_ranges" ADD CONSTRAINT "opening_ranges_monthly_check" CHECK (("opening_ranges"."interval_months" is null and "opening_ranges"."month_day" is null and "opening_ranges"."month_nth" is null and "opening_ranges"."month_weekday" is null)
    or ("opening_ranges"."interval_months" between 1 and 12 and "opening_ranges"."interval_weeks" is null and "opening_ranges"."weekdays" is null
        and (("opening_ranges"."month_day" between 1 and 31 and "opening_ranges"."month_nth" is null and "opening_ranges"."month_weekday" is null)
          or ("opening_ranges"."month_day" is null and "opening_ranges"."month_nth" in (1, 2, 3, 4, 5, -1) and "opening_ranges"."month_weekday" between 1 and 7))));