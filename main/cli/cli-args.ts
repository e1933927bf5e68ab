import { z } from 'zod';

/** A command-line usage error: the message names the flag, and the process exits with 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * Parses `--name value` and `--flag` arguments against a zod object schema (flags are the
 * schema's keys in kebab-case: `dataDir` ← `--data-dir`). Positional arguments are returned
 * apart. Unknown flags and invalid values throw `CliUsageError` naming the flag.
 */
export function parseCliArgs<S extends z.ZodObject>(argv: readonly string[], schema: S, booleans: readonly string[] = []): { flags: z.infer<S>; positional: string[] } {
  const raw: Record<string, unknown> = {};
  const positional: string[] = [];
  const keys = new Set(Object.keys(schema.shape));
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const key = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!keys.has(key)) throw new CliUsageError(`unknown option --${flag}`);
    if (booleans.includes(key)) {
      raw[key] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliUsageError(`--${flag} needs a value`);
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new CliUsageError(`--${flag}: ${issue?.message ?? 'invalid value'}`);
  }
  return { flags: parsed.data, positional };
}

/** A positive integer flag given as text (`--tickets 5000`). */
export const countFlag = (max: number) => z.coerce.number().int().min(1).max(max);
