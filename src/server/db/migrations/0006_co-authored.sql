CREATE TABLE "trigger_plan_acceptances" (
	"plan_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trigger_plan_acceptances_pkey" PRIMARY KEY("plan_id","membership_id")
);
--> statement-breakpoint
ALTER TABLE "trigger_plan_acceptances" ADD CONSTRAINT "trigger_plan_acceptances_plan_id_trigger_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."trigger_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_plan_acceptances" ADD CONSTRAINT "trigger_plan_acceptances_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trigger_plan_acceptances_membership_idx" ON "trigger_plan_acceptances" USING btree ("membership_id");