CREATE TABLE "safety_screens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "therapist_approvals" (
	"link_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapist_approvals_link_id_user_id_pk" PRIMARY KEY("link_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "therapist_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"therapist_id" uuid,
	"claimed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"therapist_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "therapist_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"practice_name" text NOT NULL,
	"licence" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "therapist_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"link_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "therapist_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"exercise_slug" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"thread" text NOT NULL,
	"partner_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_thread_check" CHECK (("messages"."thread" = 'couple' and "messages"."partner_id" is null) or ("messages"."thread" = 'private' and "messages"."partner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"therapist_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_responses" ADD COLUMN "therapist_shared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guide_reflections" ADD COLUMN "therapist_shared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trigger_entries" ADD COLUMN "therapist_shared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "therapist_shared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "safety_screens" ADD CONSTRAINT "safety_screens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_approvals" ADD CONSTRAINT "therapist_approvals_link_id_therapist_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."therapist_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_approvals" ADD CONSTRAINT "therapist_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_links" ADD CONSTRAINT "therapist_links_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_links" ADD CONSTRAINT "therapist_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_links" ADD CONSTRAINT "therapist_links_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_links" ADD CONSTRAINT "therapist_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_profiles" ADD CONSTRAINT "therapist_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_notes" ADD CONSTRAINT "therapist_notes_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_notes" ADD CONSTRAINT "therapist_notes_link_id_therapist_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."therapist_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_suggestions" ADD CONSTRAINT "therapist_suggestions_link_id_therapist_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."therapist_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_suggestions" ADD CONSTRAINT "therapist_suggestions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_link_id_therapist_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."therapist_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_partner_id_users_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "therapist_links_token_hash_key" ON "therapist_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "therapist_links_open_by_space" ON "therapist_links" USING btree ("space_id") WHERE "therapist_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "therapist_links_by_therapist" ON "therapist_links" USING btree ("therapist_id") WHERE "therapist_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "therapist_notes_by_therapist" ON "therapist_notes" USING btree ("therapist_id","created_at");--> statement-breakpoint
CREATE INDEX "therapist_suggestions_open_by_space" ON "therapist_suggestions" USING btree ("space_id") WHERE "therapist_suggestions"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "messages_by_link" ON "messages" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "access_log_by_author" ON "access_log" USING btree ("author_id","seq");
--> statement-breakpoint
-- The access log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
