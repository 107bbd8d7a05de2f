CREATE TABLE "contact_log_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'partner' NOT NULL,
	"shared_at" timestamp with time zone,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"how" text DEFAULT '' NOT NULL,
	"what_was_said" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_log_entries_visibility" CHECK ("contact_log_entries"."visibility" in ('partner')),
	CONSTRAINT "contact_log_entries_kind" CHECK ("contact_log_entries"."kind" in ('ended', 'contact'))
);
--> statement-breakpoint
CREATE TABLE "contact_log_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"how" text NOT NULL,
	"what_was_said" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forgiveness_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"where_i_am" text DEFAULT '' NOT NULL,
	"would_mean" text DEFAULT '' NOT NULL,
	"would_not_mean" text DEFAULT '' NOT NULL,
	"what_i_need" text DEFAULT '' NOT NULL,
	"to_share" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forgiveness_reflections_visibility" CHECK ("forgiveness_reflections"."visibility" in ('private'))
);
--> statement-breakpoint
CREATE TABLE "forgiveness_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forgiveness_shares_visibility" CHECK ("forgiveness_shares"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "decision_record_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"outcome" text NOT NULL,
	"note" text NOT NULL,
	"review_on" date,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"review_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreed_by" uuid,
	"agreed_at" timestamp with time zone,
	CONSTRAINT "decision_records_outcome" CHECK ("decision_records"."outcome" in ('recommit', 'separate', 'not_sure'))
);
--> statement-breakpoint
CREATE TABLE "decision_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"leaning" text,
	"needs" text DEFAULT '' NOT NULL,
	"limits" text DEFAULT '' NOT NULL,
	"own_words" text DEFAULT '' NOT NULL,
	"shared_leaning" text,
	"shared_needs" text,
	"shared_limits" text,
	"shared_own_words" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_reflections_visibility" CHECK ("decision_reflections"."visibility" in ('private', 'partner')),
	CONSTRAINT "decision_reflections_leaning" CHECK ("decision_reflections"."leaning" is null or "decision_reflections"."leaning" in ('recommit', 'separate', 'not_sure')),
	CONSTRAINT "decision_reflections_shared_leaning" CHECK ("decision_reflections"."shared_leaning" is null or "decision_reflections"."shared_leaning" in ('recommit', 'separate', 'not_sure'))
);
--> statement-breakpoint
ALTER TABLE "contact_log_entries" ADD CONSTRAINT "contact_log_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_log_entries" ADD CONSTRAINT "contact_log_entries_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_log_versions" ADD CONSTRAINT "contact_log_versions_entry_id_contact_log_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."contact_log_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forgiveness_reflections" ADD CONSTRAINT "forgiveness_reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forgiveness_reflections" ADD CONSTRAINT "forgiveness_reflections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forgiveness_shares" ADD CONSTRAINT "forgiveness_shares_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forgiveness_shares" ADD CONSTRAINT "forgiveness_shares_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record_versions" ADD CONSTRAINT "decision_record_versions_record_id_decision_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."decision_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record_versions" ADD CONSTRAINT "decision_record_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_records" ADD CONSTRAINT "decision_records_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_records" ADD CONSTRAINT "decision_records_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_records" ADD CONSTRAINT "decision_records_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reflections" ADD CONSTRAINT "decision_reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reflections" ADD CONSTRAINT "decision_reflections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_log_entries_by_space" ON "contact_log_entries" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_log_versions_number" ON "contact_log_versions" USING btree ("entry_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "forgiveness_reflections_one" ON "forgiveness_reflections" USING btree ("author_id","space_id");--> statement-breakpoint
CREATE INDEX "forgiveness_shares_by_space" ON "forgiveness_shares" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_record_versions_number" ON "decision_record_versions" USING btree ("record_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_records_one" ON "decision_records" USING btree ("space_id","couple_since");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_reflections_one" ON "decision_reflections" USING btree ("author_id","space_id");--> statement-breakpoint
CREATE INDEX "decision_reflections_shared" ON "decision_reflections" USING btree ("space_id","author_id","shared_at");