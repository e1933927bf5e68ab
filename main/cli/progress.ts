/**
 * A progress bar on stderr for long CLI jobs (seed, import, rebuild). On a terminal it redraws
 * one line; otherwise it prints a line every 10 %, so CI logs stay short.
 */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; finish(summary: string): void } {
  const started = performance.now();
  let lastDecile = -1;
  return {
    update(done, total) {
      const share = total > 0 ? Math.min(1, done / total) : 1;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% (${done}/${total})`);
        return;
      }
      const decile = Math.floor(share * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${decile * 10}% (${done}/${total})\n`);
      }
    },
    finish(summary) {
      if (stream.isTTY) stream.write('\n');
      stream.write(`${label}: ${summary} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
