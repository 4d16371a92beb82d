import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '#main/backend/lib/paths';

// The headless host as `npm start` runs it (from source through tsx, so no build is needed).

const dataDir = mkdtempSync(join(tmpdir(), 'cartstation-standalone-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function launch(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(appRoot(), 'src-main/backend/standalone.ts')],
    {
      cwd: appRoot(),
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('standalone host', () => {
  it('prints one line with the console URL, serves it, and stops cleanly on SIGTERM', async () => {
    const proc = launch({ CARTSTATION_DATA_DIR: dataDir, CARTSTATION_DEMO: 'true' });
    const deadline = Date.now() + 15_000;
    while (!/open the console at (http:\S+)/.test(proc.out()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const url = /open the console at (http:\S+)/.exec(proc.out())?.[1];
    expect(url, proc.err()).toBeDefined();
    expect(proc.out()).toMatch(/running without Electron/);
    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);
    const home = await fetch(url!);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);

    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const proc = launch({ CARTSTATION_DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await proc.exited).toBe(2);
    expect(proc.err()).toMatch(/PORT/);
    const demo = launch({ CARTSTATION_DATA_DIR: dataDir, CARTSTATION_DEMO: 'maybe' });
    expect(await demo.exited).toBe(2);
    expect(demo.err()).toMatch(/CARTSTATION_DEMO/);
  });
});
