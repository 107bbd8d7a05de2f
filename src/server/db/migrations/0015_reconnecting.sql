CREATE TABLE "reconnecting_appreciations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'partner' NOT NULL,
	"shared_at" timestamp with time zone,
	"couple_since" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconnecting_appreciations_visibility" CHECK ("reconnecting_appreciations"."visibility" in ('partner'))
);
--> statement-breakpoint
CREATE TABLE "reconnecting_date_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"date_id" uuid NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconnecting_date_notes_one_each" UNIQUE("date_id","author_id"),
	CONSTRAINT "reconnecting_date_notes_visibility" CHECK ("reconnecting_date_notes"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "reconnecting_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"idea" text NOT NULL,
	"planned_on" date,
	"plan" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"set_aside_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconnecting_pacing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"pace" text NOT NULL,
	"words" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"proposed_by" uuid,
	"agreed_at" timestamp with time zone,
	CONSTRAINT "reconnecting_pacing_one_per_couple" UNIQUE("space_id","couple_since"),
	CONSTRAINT "reconnecting_pacing_pace" CHECK ("reconnecting_pacing"."pace" in ('closeness', 'gentle', 'slowly', 'open'))
);
--> statement-breakpoint
CREATE TABLE "reconnecting_pacing_pauses" (
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "reconnecting_pacing_pauses_space_id_couple_since_user_id_pk" PRIMARY KEY("space_id","couple_since","user_id")
);
--> statement-breakpoint
CREATE TABLE "reconnecting_rituals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"cadence" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"proposed_by" uuid,
	"agreed_at" timestamp with time zone,
	"set_aside_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconnecting_rituals_cadence" CHECK ("reconnecting_rituals"."cadence" in ('daily', 'weekly'))
);
--> statement-breakpoint
ALTER TABLE "reconnecting_appreciations" ADD CONSTRAINT "reconnecting_appreciations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_appreciations" ADD CONSTRAINT "reconnecting_appreciations_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_date_notes" ADD CONSTRAINT "reconnecting_date_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_date_notes" ADD CONSTRAINT "reconnecting_date_notes_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_date_notes" ADD CONSTRAINT "reconnecting_date_notes_date_id_reconnecting_dates_id_fk" FOREIGN KEY ("date_id") REFERENCES "public"."reconnecting_dates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_dates" ADD CONSTRAINT "reconnecting_dates_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_dates" ADD CONSTRAINT "reconnecting_dates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_pacing" ADD CONSTRAINT "reconnecting_pacing_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_pacing" ADD CONSTRAINT "reconnecting_pacing_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_pacing_pauses" ADD CONSTRAINT "reconnecting_pacing_pauses_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_pacing_pauses" ADD CONSTRAINT "reconnecting_pacing_pauses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_rituals" ADD CONSTRAINT "reconnecting_rituals_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconnecting_rituals" ADD CONSTRAINT "reconnecting_rituals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconnecting_appreciations_space_idx" ON "reconnecting_appreciations" USING btree ("space_id","couple_since","created_at");--> statement-breakpoint
CREATE INDEX "reconnecting_dates_couple_idx" ON "reconnecting_dates" USING btree ("space_id","couple_since","created_at");--> statement-breakpoint
CREATE INDEX "reconnecting_rituals_couple_idx" ON "reconnecting_rituals" USING btree ("space_id","couple_since","created_at");