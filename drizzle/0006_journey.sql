CREATE TYPE "public"."contract_kind" AS ENUM('employment', 'reservist_agreement', 'on_call', 'regional_pool');--> statement-breakpoint
CREATE TYPE "public"."entry_kind" AS ENUM('re_entrant', 'side_entrant', 'reservist', 'extra_hands', 'student');--> statement-breakpoint
CREATE TYPE "public"."journey_stage" AS ENUM('welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m', 'completed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."journey_step" AS ENUM('registration', 'welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m');--> statement-breakpoint
CREATE TYPE "public"."worker_status" AS ENUM('intake', 'active', 'inactive');--> statement-breakpoint
CREATE TABLE "big_checklists" (
	"credential_id" uuid PRIMARY KEY NOT NULL,
	"declared_hours" double precision DEFAULT 0 NOT NULL,
	"is_training_done" boolean DEFAULT false NOT NULL,
	"accreditation_note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "journey_orientations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"step" "journey_step" NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"done_by_user_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"entry_kind" "entry_kind" NOT NULL,
	"stage" "journey_stage" DEFAULT 'welcome_call' NOT NULL,
	"owner_user_id" uuid,
	"organisation_id" uuid,
	"consent_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"interest_package_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"interest_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"free_text" text DEFAULT '' NOT NULL,
	"contract_kind" "contract_kind",
	"agreement_starts_on" date,
	"learning_goals" text[],
	"support_wishes" text,
	"learning_plan_updated_at" timestamp with time zone,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_package_independence" (
	"worker_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"marked_by_user_id" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_package_independence_worker_id_package_id_pk" PRIMARY KEY("worker_id","package_id")
);
--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "status" "worker_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "big_checklists" ADD CONSTRAINT "big_checklists_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "big_checklists" ADD CONSTRAINT "big_checklists_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_orientations" ADD CONSTRAINT "journey_orientations_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_orientations" ADD CONSTRAINT "journey_orientations_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_orientations" ADD CONSTRAINT "journey_orientations_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_orientations" ADD CONSTRAINT "journey_orientations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_steps" ADD CONSTRAINT "journey_steps_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_steps" ADD CONSTRAINT "journey_steps_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_package_independence" ADD CONSTRAINT "worker_package_independence_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_package_independence" ADD CONSTRAINT "worker_package_independence_package_id_activity_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."activity_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_package_independence" ADD CONSTRAINT "worker_package_independence_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_package_independence" ADD CONSTRAINT "worker_package_independence_marked_by_user_id_users_id_fk" FOREIGN KEY ("marked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_orientations_journey_idx" ON "journey_orientations" USING btree ("journey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_orientations_shift_uq" ON "journey_orientations" USING btree ("shift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_steps_step_uq" ON "journey_steps" USING btree ("journey_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "journeys_worker_uq" ON "journeys" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "journeys_region_stage_idx" ON "journeys" USING btree ("region_id","stage","created_at");