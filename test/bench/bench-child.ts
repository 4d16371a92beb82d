import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appRoot } from '#main/backend/lib/paths';

// A server under test as a child process, and what /proc says it costs.

/** Starts `node <script>` and resolves once `readyUrl` answers anything at all. */
export async function startChild(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  // BENCH_CPU_PROFILE=<dir>: each server writes a V8 CPU profile there when it exits.
  const profile = process.env.BENCH_CPU_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, script], {
    cwd: appRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await fetch(readyUrl);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await stopChild(child);
  throw new Error(`${script} did not start (exit code ${child.exitCode})`);
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100; // USER_HZ on every mainstream Linux
  }
})();

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: count fields from the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
}

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** CPU (% of one core) between open() and close(), and the highest RSS sampled meanwhile. */
export function procWindow(pid: number) {
  let cpu0 = 0;
  let t0 = 0;
  let peakRss = 0;
  let sampler: NodeJS.Timeout | null = null;
  const result = { cpuPercent: 0, peakRssMiB: 0 };
  return {
    open() {
      cpu0 = cpuSeconds(pid);
      t0 = performance.now();
      peakRss = rssMiB(pid);
      sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 250);
    },
    close() {
      if (sampler) clearInterval(sampler);
      peakRss = Math.max(peakRss, rssMiB(pid));
      const wall = (performance.now() - t0) / 1000;
      result.cpuPercent = ((cpuSeconds(pid) - cpu0) / wall) * 100;
      result.peakRssMiB = peakRss;
    },
    result,
  };
}
