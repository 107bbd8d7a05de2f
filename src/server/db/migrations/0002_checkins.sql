CREATE TABLE "checkin_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checkin_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'partner' NOT NULL,
	"version" integer NOT NULL,
	"feelings" text[] DEFAULT '{}'::text[] NOT NULL,
	"intensity" smallint NOT NULL,
	"pain" smallint NOT NULL,
	"triggers" text DEFAULT '' NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"exposed_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"day" date NOT NULL,
	"feelings" text[] DEFAULT '{}'::text[] NOT NULL,
	"intensity" smallint NOT NULL,
	"pain" smallint NOT NULL,
	"triggers" text DEFAULT '' NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"reveal_requested_at" timestamp with time zone,
	"exposed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"revision_count" integer DEFAULT 0 NOT NULL,
	"last_revision_exposed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_intensity_range" CHECK ("checkins"."intensity" between 1 and 5),
	CONSTRAINT "checkins_pain_range" CHECK ("checkins"."pain" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_revisions_checkin_version_key" ON "checkin_revisions" USING btree ("checkin_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_author_day_key" ON "checkins" USING btree ("author_id","day");--> statement-breakpoint
CREATE INDEX "checkins_shared_by_space_author_day" ON "checkins" USING btree ("space_id","author_id","day") WHERE "checkins"."visibility" in ('partner', 'partner+therapist');