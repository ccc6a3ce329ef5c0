CREATE TYPE "public"."competence_level" AS ENUM('required', 'wished');--> statement-breakpoint
CREATE TYPE "public"."competence_source" AS ENUM('self_declared', 'confirmed');--> statement-breakpoint
CREATE TABLE "competences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"category" text,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_competences" (
	"request_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"level" "competence_level" NOT NULL,
	CONSTRAINT "request_competences_request_id_competence_id_pk" PRIMARY KEY("request_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "worker_competences" (
	"worker_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"source" "competence_source" DEFAULT 'self_declared' NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by_user_id" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "worker_competences_worker_id_competence_id_pk" PRIMARY KEY("worker_id","competence_id")
);
--> statement-breakpoint
ALTER TABLE "competences" ADD CONSTRAINT "competences_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_competences" ADD CONSTRAINT "request_competences_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_competences" ADD CONSTRAINT "request_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_competences" ADD CONSTRAINT "worker_competences_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_competences" ADD CONSTRAINT "worker_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_competences" ADD CONSTRAINT "worker_competences_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competences_region_key_uq" ON "competences" USING btree ("region_id","key");--> statement-breakpoint
CREATE INDEX "worker_competences_competence_idx" ON "worker_competences" USING btree ("competence_id","worker_id");--> statement-breakpoint
-- Below: written by hand after the generated part (drizzle's snapshot does not track functions or
-- triggers, as in 0008). Every region starts with a default competence catalogue: the regions that
-- exist now, and every region inserted later (a row trigger on regions).
CREATE FUNCTION "public"."insert_default_competences"("region" uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "public"."competences" ("region_id", "key", "label_nl", "label_en", "category", "sort_order")
  SELECT "region", d."key", d."label_nl", d."label_en", d."category", d."sort_order"
  FROM (VALUES
    ('sondevoeding', 'Sondevoeding', 'Tube feeding', 'clinical', 10),
    ('medicatie-toedienen', 'Medicatie toedienen', 'Administering medication', 'clinical', 20),
    ('injecteren', 'Injecteren', 'Giving injections', 'clinical', 30),
    ('wondzorg', 'Wondzorg', 'Wound care', 'clinical', 40),
    ('katheteriseren', 'Katheteriseren', 'Catheterisation', 'clinical', 50),
    ('stomazorg', 'Stomazorg', 'Stoma care', 'clinical', 60),
    ('dementiezorg', 'Dementiezorg', 'Dementia care', 'target_group', 110),
    ('palliatieve-zorg', 'Palliatieve zorg', 'Palliative care', 'target_group', 120),
    ('ggz', 'GGZ (psychiatrie)', 'Mental health care', 'target_group', 130),
    ('kinderzorg', 'Kinderzorg', 'Care for children', 'target_group', 140),
    ('gehandicaptenzorg', 'Gehandicaptenzorg', 'Disability care', 'target_group', 150),
    ('ic-ervaring', 'IC-ervaring', 'ICU experience', 'setting', 210),
    ('wijkzorg-ervaring', 'Ervaring in de wijkzorg', 'Home care experience', 'setting', 220),
    ('tilliften', 'Tilliften en transfers', 'Hoist transfers', 'practical', 310),
    ('omgaan-met-agressie', 'Omgaan met onbegrepen gedrag', 'Handling challenging behaviour', 'practical', 320)
  ) AS d("key", "label_nl", "label_en", "category", "sort_order")
  ON CONFLICT ("region_id", "key") DO NOTHING
$$;
--> statement-breakpoint
CREATE FUNCTION "public"."regions_default_competences"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "public"."insert_default_competences"(NEW."id");
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "regions_default_competences" AFTER INSERT ON "public"."regions"
  FOR EACH ROW EXECUTE FUNCTION "public"."regions_default_competences"();
--> statement-breakpoint
SELECT "public"."insert_default_competences"("id") FROM "public"."regions";
--> statement-breakpoint
-- A worker's competences are part of what the ranking's cached region pass reads: bump
-- regions.workers_version on every statement that writes them, as 0008 does for worker_packages.
CREATE TRIGGER "worker_competences_version_insert" AFTER INSERT ON "public"."worker_competences"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_competences_version_update" AFTER UPDATE ON "public"."worker_competences"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_competences_version_delete" AFTER DELETE ON "public"."worker_competences"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_competences_version_truncate" AFTER TRUNCATE ON "public"."worker_competences"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
