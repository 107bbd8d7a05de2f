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
ALTER TABLE "guide_reflections" ADD CONSTRAINT "guide_reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_reflections" ADD CONSTRAINT "guide_reflections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guide_reflections_author_lesson_key" ON "guide_reflections" USING btree ("author_id","lesson_slug");--> statement-breakpoint
CREATE INDEX "guide_reflections_shared_by_space" ON "guide_reflections" USING btree ("space_id","shared_at") WHERE "guide_reflections"."shared_at" is not null;