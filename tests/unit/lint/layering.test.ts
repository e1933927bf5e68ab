import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import layering lint rule', () => {
  it('refuses electron, lowdb, http and ws in main/domain', async () => {
    for (const mod of ['electron', 'lowdb', 'node:http', 'ws']) {
      const errors = await layeringErrors('main/domain/tickets/x.ts', `import x from '${mod}';\nexport default x;\n`);
      expect(errors, mod).toHaveLength(1);
    }
  });

  it('refuses the store implementation and upper layers in main/domain, but allows the Store interface', async () => {
    expect(await layeringErrors('main/domain/a/x.ts', `import { openStore } from '../../store/index';\nexport { openStore };\n`)).toHaveLength(1);
    expect(await layeringErrors('main/domain/a/x.ts', `import { appRouter } from '../../server/router';\nexport { appRouter };\n`)).toHaveLength(1);
    expect(await layeringErrors('main/domain/a/x.ts', `import type { Store } from '../../store/store';\nexport type { Store };\n`)).toHaveLength(0);
  });

  it('lets the renderer import main/ only as a type, and only the router type', async () => {
    const typeOnly = `import type { AppRouter } from '../../main/server/router';\nexport type R = AppRouter;\n`;
    const value = `import { appRouter } from '../../main/server/router';\nexport const r = appRouter;\n`;
    expect(await layeringErrors('renderer/lib/x.ts', typeOnly)).toHaveLength(0);
    expect(await layeringErrors('renderer/lib/x.ts', value)).toHaveLength(1);
    expect(await layeringErrors('renderer/lib/x.ts', `import { readFileSync } from 'node:fs';\nexport { readFileSync };\n`)).toHaveLength(1);
    const domainType = `import type { ScreenPop } from '../../main/domain/telephony/screen-pop';\nexport type P = ScreenPop;\n`;
    expect(await layeringErrors('renderer/features/cti/x.ts', domainType)).toHaveLength(1);
  });

  it('keeps main/store below the domain and shared/ free of I/O', async () => {
    expect(await layeringErrors('main/store/x.ts', `import { X } from '../domain/services';\nexport { X };\n`)).toHaveLength(1);
    expect(await layeringErrors('shared/kpi/x.ts', `import { readFileSync } from 'node:fs';\nexport { readFileSync };\n`)).toHaveLength(1);
    expect(await layeringErrors('preload/x.ts', `import { X } from '../main/server/router';\nexport { X };\n`)).toHaveLength(1);
  });

  it('keeps main/server free of electron', async () => {
    expect(await layeringErrors('main/server/x.ts', `import { app } from 'electron';\nexport { app };\n`)).toHaveLength(1);
  });
});
