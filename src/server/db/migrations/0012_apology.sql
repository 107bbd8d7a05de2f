CREATE TABLE "apologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"injury_id" uuid NOT NULL,
	"what_i_did" text DEFAULT '' NOT NULL,
	"harm" text DEFAULT '' NOT NULL,
	"responsibility" text DEFAULT '' NOT NULL,
	"regret" text DEFAULT '' NOT NULL,
	"change" text DEFAULT '' NOT NULL,
	"repair" text DEFAULT '' NOT NULL,
	"forgiveness" text DEFAULT '' NOT NULL,
	"ask_forgiveness" boolean DEFAULT false NOT NULL,
	CONSTRAINT "apologies_visibility" CHECK ("apologies"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "apology_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"follow_through_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "apology_acknowledgements_visibility" CHECK ("apology_acknowledgements"."visibility" in ('private', 'partner')),
	CONSTRAINT "apology_acknowledgements_answer" CHECK ("apology_acknowledgements"."answer" in ('seen', 'not_yet'))
);
--> statement-breakpoint
CREATE TABLE "apology_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"apology_id" uuid NOT NULL,
	"text" text NOT NULL,
	"check_in_on" date NOT NULL,
	CONSTRAINT "apology_commitments_visibility" CHECK ("apology_commitments"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "apology_follow_throughs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"space_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"commitment_id" uuid NOT NULL,
	"note" text NOT NULL,
	"on" date NOT NULL,
	CONSTRAINT "apology_follow_throughs_visibility" CHECK ("apology_follow_throughs"."visibility" in ('private', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "apology_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"apology_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"what_i_did" text DEFAULT '' NOT NULL,
	"harm" text DEFAULT '' NOT NULL,
	"responsibility" text DEFAULT '' NOT NULL,
	"regret" text DEFAULT '' NOT NULL,
	"change" text DEFAULT '' NOT NULL,
	"repair" text DEFAULT '' NOT NULL,
	"forgiveness" text DEFAULT '' NOT NULL,
	"ask_forgiveness" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "apologies" ADD CONSTRAINT "apologies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apologies" ADD CONSTRAINT "apologies_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apologies" ADD CONSTRAINT "apologies_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_acknowledgements" ADD CONSTRAINT "apology_acknowledgements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_acknowledgements" ADD CONSTRAINT "apology_acknowledgements_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_acknowledgements" ADD CONSTRAINT "apology_acknowledgements_follow_through_id_apology_follow_throughs_id_fk" FOREIGN KEY ("follow_through_id") REFERENCES "public"."apology_follow_throughs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_commitments" ADD CONSTRAINT "apology_commitments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_commitments" ADD CONSTRAINT "apology_commitments_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_commitments" ADD CONSTRAINT "apology_commitments_apology_id_apologies_id_fk" FOREIGN KEY ("apology_id") REFERENCES "public"."apologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_follow_throughs" ADD CONSTRAINT "apology_follow_throughs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_follow_throughs" ADD CONSTRAINT "apology_follow_throughs_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_follow_throughs" ADD CONSTRAINT "apology_follow_throughs_commitment_id_apology_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."apology_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apology_versions" ADD CONSTRAINT "apology_versions_apology_id_apologies_id_fk" FOREIGN KEY ("apology_id") REFERENCES "public"."apologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "apologies_one_per_injury" ON "apologies" USING btree ("injury_id","author_id");--> statement-breakpoint
CREATE INDEX "apologies_shared" ON "apologies" USING btree ("space_id","author_id","shared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "apology_acknowledgements_one" ON "apology_acknowledgements" USING btree ("follow_through_id");--> statement-breakpoint
CREATE INDEX "apology_commitments_by_apology" ON "apology_commitments" USING btree ("apology_id","created_at");--> statement-breakpoint
CREATE INDEX "apology_follow_throughs_by_commitment" ON "apology_follow_throughs" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "apology_versions_number" ON "apology_versions" USING btree ("apology_id","number");