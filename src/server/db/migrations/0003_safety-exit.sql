ALTER TABLE "therapist_profiles" ADD COLUMN "verified_name" text;--> statement-breakpoint
ALTER TABLE "therapist_profiles" ADD COLUMN "verified_practice" text;--> statement-breakpoint
ALTER TABLE "therapist_profiles" ADD COLUMN "verified_licence" text;--> statement-breakpoint
-- hand-written (safety-exit)
-- Decision 0022: a verified mark is bound to the name, practice and licence it was given for.
-- Marks given before this migration were not bound to anything, so nobody can say which details
-- they covered: they are cleared, and the operator verifies again (the command shows the details).
UPDATE "therapist_profiles" SET "verified_at" = NULL WHERE "verified_at" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "therapist_profiles" ADD CONSTRAINT "therapist_profiles_verified_details" CHECK (
  ("verified_at" IS NULL AND "verified_name" IS NULL AND "verified_practice" IS NULL AND "verified_licence" IS NULL)
  OR ("verified_at" IS NOT NULL AND "verified_name" IS NOT NULL
    AND "verified_practice" = "practice_name" AND "verified_licence" = "licence"));
--> statement-breakpoint
CREATE FUNCTION "therapist_verification_follows_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "therapist_profiles"
    SET "verified_at" = NULL, "verified_name" = NULL, "verified_practice" = NULL, "verified_licence" = NULL
    WHERE "user_id" = NEW."id" AND "verified_at" IS NOT NULL;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_name_clears_therapist_verification"
  AFTER UPDATE OF "display_name" ON "users"
  FOR EACH ROW WHEN (OLD."display_name" IS DISTINCT FROM NEW."display_name")
  EXECUTE FUNCTION "therapist_verification_follows_name"();
