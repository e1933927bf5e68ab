import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { importCustomers } from '../../domain/imports/customer-import';
import type { ImportReport } from '../../domain/imports/import-report';
import { importOrders } from '../../domain/imports/order-import';
import { CliUsageError, parseCliArgs } from '../cli-args';
import { createProgress } from '../progress';
import type { CliContext } from './cli-context';

const ImportFlagsSchema = z.object({ dryRun: z.boolean().default(false), dataDir: z.string().optional() });
const MAX_ERRORS_SHOWN = 50;

export const IMPORT_USAGE = 'npm run atende -- import customers|orders FILE.csv [--dry-run] [--data-dir DIR]';

/**
 * `import customers FILE.csv` / `import orders FILE.csv`: validates every line, reports bad lines
 * with their numbers, and writes the good ones in one transaction (a fatal error writes nothing).
 * Exit code 0 when every line was imported, 1 when some lines were rejected or the file is unusable.
 */
export async function importCommand(args: string[], ctx: CliContext): Promise<number> {
  const { flags, positional } = parseCliArgs(args, ImportFlagsSchema, ['dryRun']);
  const [kind, file] = positional;
  if ((kind !== 'customers' && kind !== 'orders') || !file) throw new CliUsageError(`usage: ${IMPORT_USAGE}`);
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (err) {
    ctx.err(`import: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  return ctx.withServices(flags.dataDir, async (deps) => {
    const progress = createProgress(`import ${kind}`);
    const run = kind === 'customers' ? importCustomers : importOrders;
    const report: ImportReport = await run(deps, csv, { dryRun: flags.dryRun, actor: { id: null, name: 'cli' }, onProgress: (d, t) => progress.update(d, t) });
    if (!report.ok) {
      ctx.err(`import: ${file}: ${report.fatal} — nothing was imported`);
      return 1;
    }
    progress.finish(`${report.created} created, ${report.updated} updated, ${report.errors.length} line(s) rejected${flags.dryRun ? ' (dry run: nothing written)' : ''}`);
    for (const e of report.errors.slice(0, MAX_ERRORS_SHOWN)) ctx.err(`${file}:${e.line}: ${e.column}: ${e.message}`);
    if (report.errors.length > MAX_ERRORS_SHOWN) ctx.err(`… and ${report.errors.length - MAX_ERRORS_SHOWN} more`);
    return report.errors.length > 0 ? 1 : 0;
  });
}
