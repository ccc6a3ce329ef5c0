CREATE SEQUENCE "public"."open_shifts_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "open_shifts_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- regions.open_shifts_version: a new value from open_shifts_version_seq after every statement that
-- inserts or deletes shifts of the region, changes what the open-shift window holds of them (status,
-- times, place, package, places, supervision capacity, priority), or moves one of its locations. Each
-- app process keeps the region's open shifts in memory under this version
-- (src/server/assignments/open-shift-index.ts) and reads only the version per request. Statement-level
-- triggers with transition tables, as drizzle/0008: one update of each region touched per statement.
CREATE FUNCTION "public"."bump_open_shifts_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE "public"."regions" SET "open_shifts_version" = nextval('"public"."open_shifts_version_seq"');
  ELSIF TG_TABLE_NAME = 'locations' THEN
    UPDATE "public"."regions" SET "open_shifts_version" = nextval('"public"."open_shifts_version_seq"')
      WHERE "id" IN (SELECT o."region_id" FROM old_rows a JOIN new_rows b ON b."id" = a."id"
        JOIN "public"."organisations" o ON o."id" IN (a."organisation_id", b."organisation_id")
        WHERE (a."lat", a."lon", a."organisation_id") IS DISTINCT FROM (b."lat", b."lon", b."organisation_id"));
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE "public"."regions" SET "open_shifts_version" = nextval('"public"."open_shifts_version_seq"')
      WHERE "id" IN (SELECT o."region_id" FROM new_rows s JOIN "public"."organisations" o ON o."id" = s."organisation_id");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "public"."regions" SET "open_shifts_version" = nextval('"public"."open_shifts_version_seq"')
      WHERE "id" IN (SELECT o."region_id" FROM old_rows a JOIN new_rows b ON b."id" = a."id"
        JOIN "public"."organisations" o ON o."id" IN (a."organisation_id", b."organisation_id")
        WHERE (a."status", a."start", a."end", a."location_id", a."package_id", a."organisation_id", a."places", a."supervision_capacity", a."priority")
          IS DISTINCT FROM (b."status", b."start", b."end", b."location_id", b."package_id", b."organisation_id", b."places", b."supervision_capacity", b."priority"));
  ELSE
    UPDATE "public"."regions" SET "open_shifts_version" = nextval('"public"."open_shifts_version_seq"')
      WHERE "id" IN (SELECT o."region_id" FROM old_rows s JOIN "public"."organisations" o ON o."id" = s."organisation_id");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "open_shifts_version_insert" AFTER INSERT ON "public"."shifts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_open_shifts_version"();
--> statement-breakpoint
CREATE TRIGGER "open_shifts_version_update" AFTER UPDATE ON "public"."shifts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_open_shifts_version"();
--> statement-breakpoint
CREATE TRIGGER "open_shifts_version_delete" AFTER DELETE ON "public"."shifts"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_open_shifts_version"();
--> statement-breakpoint
CREATE TRIGGER "open_shifts_version_truncate" AFTER TRUNCATE ON "public"."shifts"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_open_shifts_version"();
--> statement-breakpoint
CREATE TRIGGER "open_shifts_version_locations_update" AFTER UPDATE ON "public"."locations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "public"."bump_open_shifts_version"();
