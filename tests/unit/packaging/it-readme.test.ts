import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MachineConfigFileSchema } from '../../../main/config/config.schema';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

describe('README "For IT"', () => {
  it('shows a machine-wide file that Atende accepts, locking keys it knows', () => {
    const section = readme.slice(readme.indexOf('## For IT'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const parsed = MachineConfigFileSchema.safeParse(JSON.parse(example as string));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.locked).toContain('updateUrl');
  });

  it('lists the commands the scripts really have', () => {
    const scripts = (JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['dist', 'dist:check', 'icons']) {
      expect(readme).toContain(`npm run ${name}`);
      expect(scripts[name]).toBeDefined();
    }
  });
});
