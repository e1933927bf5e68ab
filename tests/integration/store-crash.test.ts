import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/index';

const ROUNDS = 24;
const WRITER = join(process.cwd(), 'tests', 'integration', 'fixtures', 'store-writer.ts');
const PAIR_IDS = ['tkt_pairA', 'tkt_pairB'];
const dir = mkdtempSync(join(tmpdir(), 'atende-store-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until READY, lets it write for `ms`, SIGKILLs it; returns its complete ACK lines. */
function runAndKill(ms: number): Promise<{ acks: [string, number][]; stderr: string }> {
  // `node --import tsx`, not the tsx binary: that one forks, and SIGKILL would miss the real writer.
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const wasReady = out.includes('READY\n');
      out += chunk.toString();
      if (!wasReady && out.includes('READY\n')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own (${code}): ${stderr}`));
      // Only whole lines: a line cut by the kill was never fully acknowledged.
      const lines = out.slice(0, out.lastIndexOf('\n') + 1).split('\n');
      const acks = lines.flatMap((l) => {
        const m = /^ACK (\S+) (\d+)$/.exec(l);
        return m ? [[m[1] as string, Number(m[2])] as [string, number]] : [];
      });
      resolve({ acks, stderr });
    });
  });
}

describe('store crash safety', () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs, and multi-file transactions are all-or-nothing`, async () => {
    const acked = new Map<string, number>();
    let roundsWithWrites = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { acks } = await runAndKill(Math.floor(Math.random() * 400));
      if (acks.length > 2) roundsWithWrites++;
      for (const [id, version] of acks) acked.set(id, Math.max(version, acked.get(id) ?? 0));

      const store = await openStore({ dir, fsync: false });
      try {
        for (const [id, version] of acked) {
          const found = store.tickets.get(id);
          expect(found, `acked ticket ${id} lost in round ${round}`).toBeDefined();
          expect(found?.version, `ticket ${id} went back in round ${round}`).toBeGreaterThanOrEqual(version);
        }
        let maxNumber = 0;
        for (const t of store.tickets.values()) {
          maxNumber = Math.max(maxNumber, t.number);
          if (t.subject !== 'multi') continue;
          expect(store.interactions.countByIndex('ticket', t.id), `interactions of ${t.id}`).toBe(3);
          expect(store.audit.countByIndex('entity', `ticket:${t.id}`), `audit of ${t.id}`).toBe(1);
        }
        for (const i of store.interactions.values()) expect(store.tickets.get(i.ticketId ?? ''), `ticket of ${i.id}`).toBeDefined();
        const [a, b] = PAIR_IDS.map((id) => store.tickets.get(id));
        expect(a?.category).toBe(b?.category);
        expect(store.sequence('ticket')).toBeGreaterThanOrEqual(maxNumber);
      } finally {
        await store.close();
      }
    }
    expect(roundsWithWrites).toBeGreaterThan(ROUNDS / 2);
    expect(acked.size).toBeGreaterThan(ROUNDS * 5);
  }, 90_000);
});
