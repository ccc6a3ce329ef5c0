CREATE TYPE "public"."planning_run_status" AS ENUM('queued', 'running', 'done', 'failed', 'cancelled', 'published');--> statement-breakpoint
CREATE TABLE "planning_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"region_id" uuid,
	"organisation_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"horizon_start" timestamp with time zone,
	"horizon_end" timestamp with time zone,
	"time_limit_seconds" integer NOT NULL,
	"status" "planning_run_status" DEFAULT 'queued' NOT NULL,
	"problem" jsonb NOT NULL,
	"pinned_count" integer DEFAULT 0 NOT NULL,
	"progress" jsonb,
	"solution" jsonb,
	"explanation" jsonb,
	"current_breakdown" jsonb,
	"publish_report" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "planning_runs" ADD CONSTRAINT "planning_runs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_runs" ADD CONSTRAINT "planning_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_runs" ADD CONSTRAINT "planning_runs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_runs_region_idx" ON "planning_runs" USING btree ("region_id","created_at");