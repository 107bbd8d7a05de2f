CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sealed_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disclosures_visibility" CHECK ("disclosures"."visibility" in ('private', 'partner')),
	CONSTRAINT "disclosures_sealed_shared" CHECK (("disclosures"."sealed_at" is null) = ("disclosures"."visibility" = 'private')),
	CONSTRAINT "disclosures_opened_after_seal" CHECK ("disclosures"."opened_at" is null or "disclosures"."sealed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "listening_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"couple_since" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listening_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"turn_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"heard" text NOT NULL,
	"validation" text NOT NULL,
	"reflected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"understood" text,
	"clarification" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "listening_rounds_understood" CHECK ("listening_rounds"."understood" is null or "listening_rounds"."understood" in ('yes', 'partly', 'not_yet'))
);
--> statement-breakpoint
CREATE TABLE "listening_turns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"speaker_id" uuid NOT NULL,
	"listener_id" uuid NOT NULL,
	"feeling" text NOT NULL,
	"need" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heard_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_conversations" ADD CONSTRAINT "listening_conversations_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_rounds" ADD CONSTRAINT "listening_rounds_turn_id_listening_turns_id_fk" FOREIGN KEY ("turn_id") REFERENCES "public"."listening_turns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_turns" ADD CONSTRAINT "listening_turns_conversation_id_listening_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."listening_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_turns" ADD CONSTRAINT "listening_turns_speaker_id_users_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_turns" ADD CONSTRAINT "listening_turns_listener_id_users_id_fk" FOREIGN KEY ("listener_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosures_by_author" ON "disclosures" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "disclosures_shared" ON "disclosures" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE INDEX "listening_conversations_by_couple" ON "listening_conversations" USING btree ("space_id","couple_since","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "listening_rounds_number" ON "listening_rounds" USING btree ("turn_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "listening_turns_number" ON "listening_turns" USING btree ("conversation_id","number");--> statement-breakpoint
-- hand-written: disclosures begin
-- A sealed disclosure is kept as it was: once `sealed_at` is set, its words, its writer and the
-- moment of sealing never change again, whatever code runs. Only `opened_at` (set once, when the
-- partner opens it) and `space_id` (set null if a space were ever removed) may still move.
CREATE FUNCTION "disclosures_keep_sealed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."sealed_at" IS NOT NULL AND (
    NEW."body" IS DISTINCT FROM OLD."body"
    OR NEW."sealed_at" IS DISTINCT FROM OLD."sealed_at"
    OR NEW."author_id" IS DISTINCT FROM OLD."author_id"
    OR NEW."visibility" IS DISTINCT FROM OLD."visibility"
    OR NEW."shared_at" IS DISTINCT FROM OLD."shared_at"
    OR (OLD."opened_at" IS NOT NULL AND NEW."opened_at" IS DISTINCT FROM OLD."opened_at")
  ) THEN
    RAISE EXCEPTION 'a sealed disclosure is kept as it was' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "disclosures_sealed_are_kept"
  BEFORE UPDATE ON "disclosures"
  FOR EACH ROW EXECUTE FUNCTION "disclosures_keep_sealed"();
-- hand-written: disclosures end
