import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { exportSite, publicArticles } from '../../domain/kb/kb-export';
import { CliUsageError, parseCliArgs } from '../cli-args';
import type { CliContext } from './cli-context';

const ExportFlagsSchema = z.object({
  out: z.string().min(1, '--out DIR is required'),
  title: z.string().min(1).max(120).default('Central de Ajuda'),
  dataDir: z.string().optional(),
});

export const KB_USAGE = 'npm run atende -- kb export --out DIR [--title "Central de Ajuda"] [--data-dir DIR]';

/**
 * `kb export --out DIR`: writes the published public articles as a static, searchable HTML site
 * (index, one page per article, the search index, CSS and a small search script) for the company
 * to publish. Internal, draft and archived articles and proposals are never exported.
 */
export async function kbCommand(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export') throw new CliUsageError(`usage: ${KB_USAGE}`);
  const { flags } = parseCliArgs(rest, ExportFlagsSchema);
  const out = resolve(flags.out);
  return ctx.withServices(flags.dataDir, async ({ store, clock }) => {
    const files = exportSite(store.kbArticles.values(), { siteTitle: flags.title, generatedAt: clock.now().toISOString() });
    for (const file of files) {
      const path = join(out, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content, 'utf8');
    }
    const count = publicArticles(store.kbArticles.values()).length;
    ctx.out(`exported ${count} public article(s) to ${out} (${files.length} files); open ${join(out, 'index.html')} or publish the folder`);
    return 0;
  });
}
