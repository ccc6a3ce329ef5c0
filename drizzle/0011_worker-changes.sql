-- worker_changes: which workers each statement that wrote workers, worker_packages or
-- worker_competences changed, under the version it gave their region (the ranking's copy of a region's
-- workers, src/server/mediation/ranking/region-copy.ts, re-reads only these). The triggers of 0008 and
-- 0009 keep calling bump_workers_version(); it now also logs, in the same statement as the bump: one
-- insert per trigger run, from the transition tables, with the version the region row got (RETURNING,
-- so it is the value committed with it). A worker moving region is logged in both; a deleted worker is
-- logged (a delete cascaded to worker_packages finds no worker row: the workers trigger logs it). A
-- truncate logs, for every region, the worker id 00000000-0000-0000-0000-000000000000: "reload".
-- Pruning: every run deletes the region's entries more than 10000 versions older than its new version
-- (the copy reloads when it is older than that: CHANGE_LOG_KEPT_VERSIONS).
CREATE TABLE "worker_changes" (
	"region_id" uuid NOT NULL,
	"version" bigint NOT NULL,
	"worker_id" uuid NOT NULL,
	CONSTRAINT "worker_changes_region_id_version_worker_id_pk" PRIMARY KEY("region_id","version","worker_id")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."bump_workers_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  region_ids uuid[];
  worker_ids uuid[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    WITH bumped AS (
      UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"') RETURNING "id", "workers_version"
    ), pruned AS (
      DELETE FROM "public"."worker_changes" c USING bumped b WHERE c."region_id" = b."id" AND c."version" < b."workers_version" - 10000
    )
    INSERT INTO "public"."worker_changes" ("region_id", "version", "worker_id")
      SELECT b."id", b."workers_version", '00000000-0000-0000-0000-000000000000'::uuid FROM bumped b;
    RETURN NULL;
  END IF;
  -- The (region, worker) pairs the statement changed.
  IF TG_TABLE_NAME = 'workers' AND TG_OP = 'INSERT' THEN
    SELECT array_agg("region_id"), array_agg("id") INTO region_ids, worker_ids FROM new_rows;
  ELSIF TG_TABLE_NAME = 'workers' AND TG_OP = 'UPDATE' THEN
    SELECT array_agg("region_id"), array_agg("id") INTO region_ids, worker_ids
      FROM (SELECT "region_id", "id" FROM old_rows UNION SELECT "region_id", "id" FROM new_rows) c;
  ELSIF TG_TABLE_NAME = 'workers' AND TG_OP = 'DELETE' THEN
    SELECT array_agg("region_id"), array_agg("id") INTO region_ids, worker_ids FROM old_rows;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(w."region_id"), array_agg(w."id") INTO region_ids, worker_ids
      FROM "public"."workers" w WHERE w."id" IN (SELECT "worker_id" FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(w."region_id"), array_agg(w."id") INTO region_ids, worker_ids
      FROM "public"."workers" w WHERE w."id" IN (SELECT "worker_id" FROM old_rows UNION SELECT "worker_id" FROM new_rows);
  ELSE
    -- A delete cascaded from workers finds no worker row here; the workers trigger logs that worker.
    SELECT array_agg(w."region_id"), array_agg(w."id") INTO region_ids, worker_ids
      FROM "public"."workers" w WHERE w."id" IN (SELECT "worker_id" FROM old_rows);
  END IF;
  IF region_ids IS NULL THEN
    RETURN NULL;
  END IF;
  WITH changed AS (
    SELECT DISTINCT c."region_id", c."worker_id" FROM unnest(region_ids, worker_ids) AS c("region_id", "worker_id")
  ), bumped AS (
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT "region_id" FROM changed) RETURNING "id", "workers_version"
  ), pruned AS (
    DELETE FROM "public"."worker_changes" c USING bumped b WHERE c."region_id" = b."id" AND c."version" < b."workers_version" - 10000
  )
  INSERT INTO "public"."worker_changes" ("region_id", "version", "worker_id")
    SELECT b."id", b."workers_version", c."worker_id" FROM bumped b JOIN changed c ON c."region_id" = b."id";
  RETURN NULL;
END
$$;
