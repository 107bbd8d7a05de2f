CREATE TABLE "goal_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_on" date,
	"reached_on" date,
	"reached_by_id" uuid,
	"reached_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"target_on" date,
	"proposed_by_id" uuid,
	"proposed_by_name" text NOT NULL,
	"agreed_at" timestamp with time zone,
	"set_aside_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hard_date_parts" (
	"hard_date_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"plan" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hard_date_parts_pkey" PRIMARY KEY("hard_date_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "hard_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"day" date NOT NULL,
	"yearly" boolean NOT NULL,
	"remind_days" smallint NOT NULL,
	"set_aside_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_review_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"grown" text DEFAULT '' NOT NULL,
	"hurts" text DEFAULT '' NOT NULL,
	"next" text DEFAULT '' NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_review_answers_round_key" UNIQUE("space_id","couple_since","user_id","round")
);
--> statement-breakpoint
ALTER TABLE "goal_milestones" ADD CONSTRAINT "goal_milestones_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_milestones" ADD CONSTRAINT "goal_milestones_reached_by_id_users_id_fk" FOREIGN KEY ("reached_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_milestones" ADD CONSTRAINT "goal_milestones_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hard_date_parts" ADD CONSTRAINT "hard_date_parts_hard_date_id_hard_dates_id_fk" FOREIGN KEY ("hard_date_id") REFERENCES "public"."hard_dates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hard_date_parts" ADD CONSTRAINT "hard_date_parts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hard_dates" ADD CONSTRAINT "hard_dates_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hard_dates" ADD CONSTRAINT "hard_dates_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_review_answers" ADD CONSTRAINT "progress_review_answers_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_review_answers" ADD CONSTRAINT "progress_review_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_milestones_goal_idx" ON "goal_milestones" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goals_couple_idx" ON "goals" USING btree ("space_id","couple_since","created_at");--> statement-breakpoint
CREATE INDEX "hard_date_parts_user_idx" ON "hard_date_parts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "hard_dates_couple_idx" ON "hard_dates" USING btree ("space_id","couple_since","day");--> statement-breakpoint
CREATE INDEX "progress_review_answers_user_idx" ON "progress_review_answers" USING btree ("user_id");