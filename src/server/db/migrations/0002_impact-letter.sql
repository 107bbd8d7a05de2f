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
ALTER TABLE "impact_letter_marks" ADD CONSTRAINT "impact_letter_marks_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_marks" ADD CONSTRAINT "impact_letter_marks_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_marks" ADD CONSTRAINT "impact_letter_marks_reflection_id_impact_letter_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."impact_letter_reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_reflections" ADD CONSTRAINT "impact_letter_reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_reflections" ADD CONSTRAINT "impact_letter_reflections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_reflections" ADD CONSTRAINT "impact_letter_reflections_letter_id_impact_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."impact_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letter_versions" ADD CONSTRAINT "impact_letter_versions_letter_id_impact_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."impact_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letters" ADD CONSTRAINT "impact_letters_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_letters" ADD CONSTRAINT "impact_letters_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letter_marks_one_per_part" ON "impact_letter_marks" USING btree ("reflection_id","part");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letter_reflections_one_draft" ON "impact_letter_reflections" USING btree ("letter_id","author_id") WHERE "impact_letter_reflections"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "impact_letter_reflections_by_letter" ON "impact_letter_reflections" USING btree ("letter_id","author_id","created_at");--> statement-breakpoint
CREATE INDEX "impact_letter_reflections_shared" ON "impact_letter_reflections" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letter_versions_number" ON "impact_letter_versions" USING btree ("letter_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_letters_one_current" ON "impact_letters" USING btree ("author_id","space_id") WHERE "impact_letters"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "impact_letters_by_author" ON "impact_letters" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "impact_letters_shared" ON "impact_letters" USING btree ("space_id","author_id","shared_at");