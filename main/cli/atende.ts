/**
 * `npm run atende -- COMMAND …`: the operations CLI (imports, KPI reports, knowledge-base export).
 * It works on the data dir's store directly, so run it while the app/server is stopped.
 */
import { ConfigError } from '../config/config';
import { StoreOpenError } from '../store/index';
import { CliUsageError } from './cli-args';
import { createCliContext } from './commands/cli-context';
import { IMPORT_USAGE, importCommand } from './commands/import.command';
import { KPI_USAGE, kpiCommand } from './commands/kpi.command';
import { KB_USAGE, kbCommand } from './commands/kb.command';

const COMMANDS: Record<string, { usage: string; run: typeof importCommand }> = {
  import: { usage: IMPORT_USAGE, run: importCommand },
  kpi: { usage: KPI_USAGE, run: kpiCommand },
  kb: { usage: KB_USAGE, run: kbCommand },
};

function usage(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv.filter((a, i) => !(i === 0 && a === '--'));
  const ctx = createCliContext(process.env);
  if (!command || command === 'help' || command === '--help') {
    ctx.out(usage());
    return command ? 0 : 2;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    ctx.err(`atende: unknown command "${command}"\n${usage()}`);
    return 2;
  }
  try {
    return await entry.run(rest, ctx);
  } catch (err) {
    if (err instanceof CliUsageError) {
      ctx.err(`atende ${command}: ${err.message}`);
      return 2;
    }
    if (err instanceof ConfigError) ctx.err(`atende: invalid configuration — ${err.message}`);
    else if (err instanceof StoreOpenError) ctx.err(`atende: cannot open the store — ${err.message}`);
    else ctx.err(`atende ${command}: ${(err as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
