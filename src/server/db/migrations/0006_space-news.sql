ALTER TABLE "spaces" ADD COLUMN "last_shared_at" timestamp with time zone;--> statement-breakpoint
-- hand-written: space-news begin
-- Decision 0045: "nothing new in this space since I looked" is one indexed read of
-- spaces.last_shared_at. Every insert or update of a row that belongs to a space (it has a
-- space_id, or a link_id of a therapist link) moves the space's mark forward to the latest of: the
-- mark, the clock at that moment, and the row's own shared_at, updated_at, created_at and
-- proposed_at (so a time the application chose is never later than the mark). Deletes only take
-- news away and leave it. clock_timestamp(), not now(): now() is when the transaction began, which
-- can be earlier than a time the application set inside it.
CREATE FUNCTION "space_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written jsonb := to_jsonb(NEW);
  touched uuid;
BEGIN
  IF written ? 'space_id' THEN
    touched := (written->>'space_id')::uuid;
  ELSIF written ? 'link_id' THEN
    SELECT l.space_id INTO touched FROM therapist_links l WHERE l.id = (written->>'link_id')::uuid;
  END IF;
  IF touched IS NOT NULL THEN
    UPDATE spaces SET last_shared_at = greatest(last_shared_at, clock_timestamp(),
      (written->>'shared_at')::timestamptz, (written->>'updated_at')::timestamptz,
      (written->>'created_at')::timestamptz, (written->>'proposed_at')::timestamptz)
    WHERE id = touched;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every table that has one now. A table added later gets the same trigger in its own migration;
-- tests/integration/space-news.int.test.ts fails when one does not.
DO $$
DECLARE
  target record;
BEGIN
  FOR target IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.column_name IN ('space_id', 'link_id')
    GROUP BY c.table_name ORDER BY c.table_name
  LOOP
    EXECUTE format(
      'CREATE TRIGGER space_touched AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION space_touched()',
      target.table_name);
  END LOOP;
END $$;
-- hand-written: space-news end
