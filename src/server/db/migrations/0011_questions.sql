CREATE TABLE "question_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_answers_version_key" UNIQUE("question_id","version")
);
--> statement-breakpoint
CREATE TABLE "question_pace" (
	"injury_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"cap" smallint NOT NULL,
	"window" text NOT NULL,
	"self_check" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_pace_injury_id_user_id_pk" PRIMARY KEY("injury_id","user_id"),
	CONSTRAINT "question_pace_window" CHECK ("question_pace"."window" in ('day', 'week')),
	CONSTRAINT "question_pace_cap" CHECK ("question_pace"."cap" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"injury_id" uuid NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sort_at" timestamp with time zone NOT NULL,
	"answer_version" integer DEFAULT 0 NOT NULL,
	"answered_at" timestamp with time zone,
	"time_until" date,
	"time_asked_at" timestamp with time zone,
	"mark" text,
	"marked_version" integer,
	"marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questions_visibility" CHECK ("questions"."visibility" in ('private', 'partner')),
	CONSTRAINT "questions_mark" CHECK ("questions"."mark" is null or "questions"."mark" in ('helped', 'more', 'therapist'))
);
--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_pace" ADD CONSTRAINT "question_pace_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_pace" ADD CONSTRAINT "question_pace_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questions_injury_list_idx" ON "questions" USING btree ("injury_id","sort_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "questions_released_idx" ON "questions" USING btree ("injury_id","shared_at") WHERE "questions"."shared_at" is not null;--> statement-breakpoint
CREATE INDEX "questions_author_idx" ON "questions" USING btree ("author_id");