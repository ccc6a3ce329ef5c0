-- Custom migration (drizzle-kit generate --custom): what the schema DSL cannot express.
-- One worker never holds two live (pending or confirmed) assignments whose times overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_no_double_booking"
  EXCLUDE USING gist ("worker_id" WITH =, tstzrange("start", "end") WITH &&)
  WHERE ("status" IN ('pending', 'confirmed'));
