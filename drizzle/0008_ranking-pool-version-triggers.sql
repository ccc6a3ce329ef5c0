-- regions.workers_version: a new value from workers_version_seq after every statement that writes
-- workers or worker_packages rows of the region (the ranking caches its pass over a region's workers
-- under this version, src/server/mediation/ranking/pool-cache.ts). Statement-level triggers with
-- transition tables: one update of each region touched per statement, however many rows it wrote, so
-- bulk loads stay cheap. PostgreSQL allows transition tables only on single-event triggers, hence one
-- trigger per event. An update bumps both the old and the new region of a worker that moves.
CREATE FUNCTION "public"."bump_workers_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"');
  ELSIF TG_TABLE_NAME = 'workers' AND TG_OP = 'INSERT' THEN
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT "region_id" FROM new_rows);
  ELSIF TG_TABLE_NAME = 'workers' AND TG_OP = 'UPDATE' THEN
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT "region_id" FROM old_rows UNION SELECT "region_id" FROM new_rows);
  ELSIF TG_TABLE_NAME = 'workers' AND TG_OP = 'DELETE' THEN
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT "region_id" FROM old_rows);
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT w."region_id" FROM "public"."workers" w WHERE w."id" IN (SELECT "worker_id" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT w."region_id" FROM "public"."workers" w
        WHERE w."id" IN (SELECT "worker_id" FROM old_rows UNION SELECT "worker_id" FROM new_rows));
  ELSE
    -- A delete cascaded from workers finds no worker row here; the workers trigger bumps that region.
    UPDATE "public"."regions" SET "workers_version" = nextval('"public"."workers_version_seq"')
      WHERE "id" IN (SELECT w."region_id" FROM "public"."workers" w WHERE w."id" IN (SELECT "worker_id" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "workers_version_insert" AFTER INSERT ON "public"."workers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "workers_version_update" AFTER UPDATE ON "public"."workers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "workers_version_delete" AFTER DELETE ON "public"."workers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "workers_version_truncate" AFTER TRUNCATE ON "public"."workers"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_packages_version_insert" AFTER INSERT ON "public"."worker_packages"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_packages_version_update" AFTER UPDATE ON "public"."worker_packages"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_packages_version_delete" AFTER DELETE ON "public"."worker_packages"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_packages_version_truncate" AFTER TRUNCATE ON "public"."worker_packages"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_workers_version"();
