CREATE TABLE "trigger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"occurred_at" timestamp with time zone NOT NULL,
	"cue" text NOT NULL,
	"intensity" smallint NOT NULL,
	"felt" text,
	"helped" text,
	"next_time" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trigger_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"signs" text DEFAULT '' NOT NULL,
	"signal" text DEFAULT '' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"time_out" text DEFAULT '' NOT NULL,
	"afterwards" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trigger_plan_versions_plan_version_key" UNIQUE("plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "trigger_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"member_one_id" uuid NOT NULL,
	"member_two_id" uuid,
	"version" integer NOT NULL,
	"signs" text DEFAULT '' NOT NULL,
	"signal" text DEFAULT '' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"time_out" text DEFAULT '' NOT NULL,
	"afterwards" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL,
	CONSTRAINT "trigger_plans_members_key" UNIQUE NULLS NOT DISTINCT("member_one_id","member_two_id")
);
--> statement-breakpoint
ALTER TABLE "trigger_entries" ADD CONSTRAINT "trigger_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_entries" ADD CONSTRAINT "trigger_entries_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plan_versions" ADD CONSTRAINT "trigger_plan_versions_plan_id_trigger_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."trigger_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plan_versions" ADD CONSTRAINT "trigger_plan_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_member_one_id_memberships_id_fk" FOREIGN KEY ("member_one_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_member_two_id_memberships_id_fk" FOREIGN KEY ("member_two_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trigger_entries_author_time_idx" ON "trigger_entries" USING btree ("author_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trigger_entries_shared_idx" ON "trigger_entries" USING btree ("author_id","space_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "trigger_entries"."shared_at" is not null and "trigger_entries"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "trigger_plans_member_two_idx" ON "trigger_plans" USING btree ("member_two_id");