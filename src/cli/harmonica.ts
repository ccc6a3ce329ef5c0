// The `harmonica` command line. Each command lives in ./commands/<name>.ts and exports
// `run(args): Promise<number>` (the exit code) and a one-line `summary`.
type Command = { summary: string; run: (args: string[]) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  serve: () => import('./commands/serve.js'),
  migrate: () => import('./commands/migrate.js'),
  demo: () => import('./commands/demo.js'),
  user: () => import('./commands/user.js'),
  curtois: () => import('./commands/curtois.js'),
  solve: () => import('./commands/solve.js'),
  validate: () => import('./commands/validate.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (!load) {
    const lines = await Promise.all(Object.entries(commands).map(async ([n, l]) => `  ${n.padEnd(10)} ${(await l()).summary}`));
    process.stderr.write(`usage: harmonica <command> [options]\n\ncommands:\n${lines.join('\n')}\n`);
    return name === undefined || name === '--help' || name === 'help' ? 0 : 2;
  }
  return (await load()).run(rest);
}

process.exitCode = await main(process.argv.slice(2));
