import { parseArgs } from 'node:util';
import { ZCreateUserRequest } from '../../shared/auth.schemas.js';
import { createUser } from '../../server/auth/auth.service.js';
import { AppError } from '../../server/errors/app-error.js';
import { openConfiguredDatabase } from './open.js';

export const summary = 'user add --email E --name N --password P --role R [--organisation ID] [--region ID]';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') {
    process.stderr.write(`usage: harmonica ${summary}\n`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      organisation: { type: 'string' },
      region: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const parsed = ZCreateUserRequest.safeParse({
    email: values.email,
    name: values.name,
    password: values.password,
    locale: values.locale ?? 'nl',
    roles: [{ role: values.role, organisationId: values.organisation, regionId: values.region }],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
    return 2;
  }
  const { database } = await openConfiguredDatabase();
  try {
    const user = await createUser(database.db, parsed.data);
    process.stdout.write(`Created ${user.email} (${values.role ?? ''})\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
