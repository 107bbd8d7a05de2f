CREATE TABLE "joint_work_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "safety_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"region" text,
	"neutral_tab" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"measure_id" text NOT NULL,
	"measure_version" integer NOT NULL,
	"week" date NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"band" text,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injuries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"created_by" uuid,
	"kind" text NOT NULL,
	"came_to_light" date NOT NULL,
	"proposed_by" uuid,
	"proposer_role" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "injury_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"injury_id" uuid NOT NULL,
	"changed_by" uuid,
	"change" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"came_to_light" date NOT NULL,
	"proposer_role" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injury_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"injury_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_marks" (
	"author_id" uuid NOT NULL,
	"exercise_key" text NOT NULL,
	"mark" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_marks_pk" PRIMARY KEY("author_id","exercise_key")
);
--> statement-breakpoint
CREATE TABLE "program_pace" (
	"space_id" uuid PRIMARY KEY NOT NULL,
	"phase" integer DEFAULT 1 NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_phase_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"changed_by" uuid,
	"from_phase" integer NOT NULL,
	"to_phase" integer NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_phase_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_ready" (
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_ready_pk" PRIMARY KEY("space_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "guide_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"lesson_slug" text NOT NULL,
	"body" text NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_reflections_visibility_check" CHECK ("guide_reflections"."visibility" in ('private', 'partner', 'therapist', 'partner+therapist'))
);
--> statement-breakpoint
CREATE TABLE "impact_letter_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reflection_id" uuid NOT NULL,
	"part" text NOT NULL,
	"mark" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "impact_letter_marks_visibility" CHECK ("impact_letter_marks"."visibility" in ('private', 'partner')),
	CONSTRAINT "impact_letter_marks_part" CHECK ("impact_letter_marks"."part" in ('paraphrase', 'acknowledgement')),
	CONSTRAINT "impact_letter_marks_mark" CHECK ("impact_letter_marks"."mark" in ('understood', 'not_yet'))
);
--> statement-breakpoint
CREATE TABLE "impact_letter_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"letter_id" uuid NOT NULL,
	"paraphrase" text DEFAULT '' NOT NULL,
	"acknowledgement" text DEFAULT '' NOT NULL,
	"letter_version" integer,
	"sent_at" timestamp with time zone,
	CONSTRAINT "impact_letter_reflections_visibility" CHECK ("impact_letter_reflections"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "impact_letter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"what_happened" text NOT NULL,
	"how_it_affected_me" text NOT NULL,
	"what_i_need_now" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"what_happened" text DEFAULT '' NOT NULL,
	"how_it_affected_me" text DEFAULT '' NOT NULL,
	"what_i_need_now" text DEFAULT '' NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "impact_letters_visibility" CHECK ("impact_letters"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
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
CREATE TABLE "today_views" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"looked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "session_preps" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"questions" text DEFAULT '' NOT NULL,
	"picks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "joint_work_holds" ADD CONSTRAINT "joint_work_holds_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_work_holds" ADD CONSTRAINT "joint_work_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_settings" ADD CONSTRAINT "safety_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_changes" ADD CONSTRAINT "injury_changes_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_changes" ADD CONSTRAINT "injury_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_notes" ADD CONSTRAINT "injury_notes_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_notes" ADD CONSTRAINT "injury_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_notes" ADD CONSTRAINT "injury_notes_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_marks" ADD CONSTRAINT "program_marks_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_pace" ADD CONSTRAINT "program_pace_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_phase_changes" ADD CONSTRAINT "program_phase_changes_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_phase_changes" ADD CONSTRAINT "program_phase_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_phase_openings" ADD CONSTRAINT "program_phase_openings_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_ready" ADD CONSTRAINT "program_ready_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_ready" ADD CONSTRAINT "program_ready_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_reflections" ADD CONSTRAINT "guide_reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_reflections" ADD CONSTRAINT "guide_reflections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_marks" ADD CONSTRAINT "impact_letter_marks_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_marks" ADD CONSTRAINT "impact_letter_marks_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_marks" ADD CONSTRAINT "impact_letter_marks_reflection_id_impact_letter_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."impact_letter_reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_reflections" ADD CONSTRAINT "impact_letter_reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_reflections" ADD CONSTRAINT "impact_letter_reflections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_reflections" ADD CONSTRAINT "impact_letter_reflections_letter_id_impact_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."impact_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_versions" ADD CONSTRAINT "impact_letter_versions_letter_id_impact_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."impact_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letters" ADD CONSTRAINT "impact_letters_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letters" ADD CONSTRAINT "impact_letters_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_entries" ADD CONSTRAINT "trigger_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_entries" ADD CONSTRAINT "trigger_entries_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plan_versions" ADD CONSTRAINT "trigger_plan_versions_plan_id_trigger_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."trigger_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plan_versions" ADD CONSTRAINT "trigger_plan_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_member_one_id_memberships_id_fk" FOREIGN KEY ("member_one_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_member_two_id_memberships_id_fk" FOREIGN KEY ("member_two_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plans" ADD CONSTRAINT "trigger_plans_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "today_views" ADD CONSTRAINT "today_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_preps" ADD CONSTRAINT "session_preps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_work_holds_active_by_space" ON "joint_work_holds" USING btree ("space_id") WHERE "joint_work_holds"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "measure_responses_author_measure_week" ON "measure_responses" USING btree ("author_id","measure_id","week","created_at","id");--> statement-breakpoint
CREATE INDEX "measure_responses_shared_by_space" ON "measure_responses" USING btree ("space_id","author_id","measure_id","week","created_at","id") WHERE "measure_responses"."visibility" <> 'private';--> statement-breakpoint
CREATE INDEX "injuries_by_space" ON "injuries" USING btree ("space_id","created_at");--> statement-breakpoint
CREATE INDEX "injury_changes_by_injury" ON "injury_changes" USING btree ("injury_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "injury_notes_one_per_author" ON "injury_notes" USING btree ("injury_id","author_id");--> statement-breakpoint
CREATE INDEX "injury_notes_by_author" ON "injury_notes" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "program_phase_changes_by_space" ON "program_phase_changes" USING btree ("space_id","changed_at");--> statement-breakpoint
CREATE INDEX "program_phase_openings_by_space" ON "program_phase_openings" USING btree ("space_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_reflections_author_lesson_key" ON "guide_reflections" USING btree ("author_id","lesson_slug");--> statement-breakpoint
CREATE INDEX "guide_reflections_shared_by_space" ON "guide_reflections" USING btree ("space_id","shared_at") WHERE "guide_reflections"."shared_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letter_marks_one_per_part" ON "impact_letter_marks" USING btree ("reflection_id","part");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letter_reflections_one_draft" ON "impact_letter_reflections" USING btree ("letter_id","author_id") WHERE "impact_letter_reflections"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "impact_letter_reflections_by_letter" ON "impact_letter_reflections" USING btree ("letter_id","author_id","created_at");--> statement-breakpoint
CREATE INDEX "impact_letter_reflections_shared" ON "impact_letter_reflections" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letter_versions_number" ON "impact_letter_versions" USING btree ("letter_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letters_one_current" ON "impact_letters" USING btree ("author_id","space_id") WHERE "impact_letters"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "impact_letters_by_author" ON "impact_letters" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "impact_letters_shared" ON "impact_letters" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE INDEX "trigger_entries_author_time_idx" ON "trigger_entries" USING btree ("author_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trigger_entries_shared_idx" ON "trigger_entries" USING btree ("author_id","space_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "trigger_entries"."shared_at" is not null and "trigger_entries"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "trigger_plans_member_two_idx" ON "trigger_plans" USING btree ("member_two_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_revisions_checkin_version_key" ON "checkin_revisions" USING btree ("checkin_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_author_day_key" ON "checkins" USING btree ("author_id","day");--> statement-breakpoint
CREATE INDEX "checkins_shared_by_space_author_day" ON "checkins" USING btree ("space_id","author_id","day") WHERE "checkins"."visibility" in ('partner', 'partner+therapist');--> statement-breakpoint
CREATE INDEX "memberships_departures_by_space" ON "memberships" USING btree ("space_id","left_at") WHERE "memberships"."left_at" is not null;