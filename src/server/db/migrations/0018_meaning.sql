CREATE TABLE "meaning_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"area" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meaning_factors_visibility" CHECK ("meaning_factors"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "meaning_shared_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"member_one_id" uuid NOT NULL,
	"member_two_id" uuid,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"differently" text DEFAULT '' NOT NULL,
	CONSTRAINT "meaning_shared_stories_members_key" UNIQUE NULLS NOT DISTINCT("member_one_id","member_two_id")
);
--> statement-breakpoint
CREATE TABLE "meaning_shared_story_acceptances" (
	"story_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meaning_shared_story_acceptances_pkey" PRIMARY KEY("story_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "meaning_shared_story_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"story_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"differently" text DEFAULT '' NOT NULL,
	CONSTRAINT "meaning_shared_story_versions_key" UNIQUE("story_id","version")
);
--> statement-breakpoint
CREATE TABLE "meaning_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meaning_stories_author_space_key" UNIQUE("author_id","space_id"),
	CONSTRAINT "meaning_stories_visibility" CHECK ("meaning_stories"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "meaning_story_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"story_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meaning_story_versions_number_key" UNIQUE("story_id","number")
);
--> statement-breakpoint
ALTER TABLE "meaning_factors" ADD CONSTRAINT "meaning_factors_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_factors" ADD CONSTRAINT "meaning_factors_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_stories" ADD CONSTRAINT "meaning_shared_stories_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_stories" ADD CONSTRAINT "meaning_shared_stories_member_one_id_memberships_id_fk" FOREIGN KEY ("member_one_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_stories" ADD CONSTRAINT "meaning_shared_stories_member_two_id_memberships_id_fk" FOREIGN KEY ("member_two_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_stories" ADD CONSTRAINT "meaning_shared_stories_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_story_acceptances" ADD CONSTRAINT "meaning_shared_story_acceptances_story_id_meaning_shared_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."meaning_shared_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_story_acceptances" ADD CONSTRAINT "meaning_shared_story_acceptances_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_story_versions" ADD CONSTRAINT "meaning_shared_story_versions_story_id_meaning_shared_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."meaning_shared_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_shared_story_versions" ADD CONSTRAINT "meaning_shared_story_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_stories" ADD CONSTRAINT "meaning_stories_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_stories" ADD CONSTRAINT "meaning_stories_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meaning_story_versions" ADD CONSTRAINT "meaning_story_versions_story_id_meaning_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."meaning_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meaning_factors_author_idx" ON "meaning_factors" USING btree ("author_id","created_at","id");--> statement-breakpoint
CREATE INDEX "meaning_factors_shared_idx" ON "meaning_factors" USING btree ("space_id","author_id","created_at","id") WHERE "meaning_factors"."shared_at" is not null;--> statement-breakpoint
CREATE INDEX "meaning_shared_stories_member_two_idx" ON "meaning_shared_stories" USING btree ("member_two_id");--> statement-breakpoint
CREATE INDEX "meaning_shared_story_acceptances_membership_idx" ON "meaning_shared_story_acceptances" USING btree ("membership_id");