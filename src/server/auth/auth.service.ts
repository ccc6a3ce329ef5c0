import { createHash, randomBytes } from 'node:crypto';
import type { TCreateUserRequest, TMe } from '../../shared/auth.schemas.js';
import type { TLocale } from '../../shared/common.schemas.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import * as repo from './auth.repo.js';
import { getDummyHash, hashPassword, verifyPassword } from './password.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function logIn(db: Db, email: string, password: string): Promise<{ token: string; expiresAt: Date }> {
  const user = await repo.findUserByEmail(db, email);
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !isValid || user.disabledAt) throw new AppError('INVALID_CREDENTIALS', 'Email address or password is wrong');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await repo.deleteExpiredSessions(db);
  await repo.insertSession(db, { tokenHash: hashToken(token), userId: user.id, csrfToken: randomBytes(24).toString('base64url'), expiresAt });
  return { token, expiresAt };
}

export async function findActor(db: Db, token: string): Promise<Actor | null> {
  const row = await repo.findSessionUser(db, hashToken(token));
  return row ?? null;
}

export async function logOut(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

export function toMe(actor: Actor): TMe {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    locale: actor.locale,
    roles: actor.roles,
    workerId: actor.workerId,
    csrfToken: actor.csrfToken,
  };
}

export async function setLocale(db: Db, actor: Actor, locale: TLocale): Promise<TMe> {
  await repo.updateLocale(db, actor.userId, locale);
  return toMe({ ...actor, locale });
}

export async function createUser(db: DbOrTx, input: Omit<TCreateUserRequest, 'locale'> & { locale?: TLocale }) {
  const issues = await repo.findMissingBindings(db, input.roles);
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  const existing = await repo.findUserByEmail(db, input.email);
  if (existing) throw new AppError('EMAIL_TAKEN', `An account for ${input.email} already exists`, [{ path: 'email', message: 'is already taken' }]);
  return repo.insertUser(
    db,
    { email: input.email.toLowerCase(), name: input.name, passwordHash: await hashPassword(input.password), locale: input.locale ?? 'nl' },
    input.roles.map((r) => ({ role: r.role, organisationId: r.organisationId ?? null, regionId: r.regionId ?? null })),
  );
}
