import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import { auditLog, users } from '../db/schema.js';

export type AuditEvent = {
  actorUserId: string | null;
  action: 'read' | 'create' | 'update' | 'delete' | 'verify';
  entity: string;
  entityId: string;
  fields: string[];
  regionId: string | null;
};

export async function insertAudit(db: DbOrTx, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values(event);
}

export async function listAudit(
  db: DbOrTx,
  filter: { entity?: string | undefined; entityId?: string | undefined; regionIds?: string[] | undefined; limit: number },
) {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.regionIds) conditions.push(inArray(auditLog.regionId, filter.regionIds));
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      fields: auditLog.fields,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
