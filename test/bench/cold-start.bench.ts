import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#main/backend/lib/paths';

// Cold start of the built backend (dist/) to its first /health 200, against a bare Fastify
// server started the same way in the same run, and memory (RSS) at idle.

const RUNS = 5;
const root = appRoot();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function waitForHealth(url: string, child: ChildProcess, started: number): Promise<number> {
  const deadline = started + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no 200 from ${url} within 30 s`);
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function startOnce(args: string[], env: Record<string, string>, port: number) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  const ms = await waitForHealth(`http://127.0.0.1:${port}/health`, child, started);
  return { child, ms };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function benchColdStart(): Promise<Record<string, string>> {
  const bareFile = join(mkdtempSync(join(tmpdir(), 'cs-bare-')), 'bare.mjs');
  writeFileSync(
    bareFile,
    `import Fastify from '${join(root, 'node_modules/fastify/fastify.js')}';
     const app = Fastify(); app.get('/health', async () => ({ status: 'ok' }));
     await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
     process.on('SIGTERM', () => app.close().then(() => process.exit(0)));`,
  );
  const port = 18_700;
  const bare: number[] = [];
  const empty: number[] = [];
  const existing: number[] = [];
  let idleRss = 0;
  let bareRss = 0;
  const standalone = [join(root, 'dist/main/backend/standalone.js')];

  for (let i = 0; i < RUNS; i++) {
    const b = await startOnce([bareFile], {}, port);
    bare.push(b.ms);
    await new Promise((r) => setTimeout(r, 500));
    bareRss = rssMiB(b.child.pid!);
    await stop(b.child);

    const dataDir = mkdtempSync(join(tmpdir(), 'cs-cold-'));
    const env = {
      CARTSTATION_DATA_DIR: dataDir,
      CARTSTATION_DEMO: 'true',
      CARTSTATION_ADMIN_EMAIL: 'admin@bench.test',
      CARTSTATION_ADMIN_PASSWORD: 'bench-password',
    };
    const first = await startOnce(standalone, env, port);
    empty.push(first.ms);
    await stop(first.child);
    const again = await startOnce(standalone, env, port);
    existing.push(again.ms);
    await new Promise((r) => setTimeout(r, 2000));
    idleRss = rssMiB(again.child.pid!);
    await stop(again.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  rmSync(join(bareFile, '..'), { recursive: true, force: true });

  return {
    'cold start, empty data dir (migrate + demo seed + admin), median of 5': `${median(empty).toFixed(0)} ms`,
    'cold start, existing store, median of 5': `${median(existing).toFixed(0)} ms`,
    'baseline: bare Fastify process to first 200, median of 5': `${median(bare).toFixed(0)} ms`,
    'ratio existing-store start / bare Fastify': (median(existing) / median(bare)).toFixed(2),
    'memory at idle (RSS, 2 s after start)': `${idleRss.toFixed(1)} MiB`,
    'baseline: bare Fastify RSS': `${bareRss.toFixed(1)} MiB`,
  };
}
