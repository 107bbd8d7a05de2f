CREATE TABLE "session_preps" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"questions" text DEFAULT '' NOT NULL,
	"picks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_preps" ADD CONSTRAINT "session_preps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;