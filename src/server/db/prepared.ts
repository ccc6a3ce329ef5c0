// Statements built once per database handle: drizzle builds a select's SQL from its builder on every
// execution (about 1 ms of CPU for a wide select, bench:claims), and a named statement is parsed by
// PostgreSQL once per connection. For the statements every request runs (the session, the rows of a
// list), with their values as placeholders.

const byHandle = new WeakMap<object, Map<string, unknown>>();

/** `build()` once per database (or transaction) handle and name. */
export function preparedFor<T>(db: object, name: string, build: () => T): T {
  let statements = byHandle.get(db);
  if (!statements) byHandle.set(db, (statements = new Map<string, unknown>()));
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) statements.set(name, (statement = build()));
  return statement;
}
