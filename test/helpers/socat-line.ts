import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A serial line with nothing fake in it: `socat` joins two pseudo-terminals, the terminal opens
 * one end (as it would /dev/ttyACM0) and a simulated cart the other. Killing socat is what a
 * pulled cable looks like to both ends: their reads fail and the tty goes away.
 */
export interface SocatLine {
  /** The terminal's end, for CARTSTATION_SERIAL_PORTS. */
  readonly term: string;
  /** The cart's end, for openSerial. */
  readonly cart: string;
  /** Starts socat; resolves once both links point at live pseudo-terminals. */
  start(): Promise<void>;
  /** SIGKILL, like a yanked cable: no orderly close. Resolves once socat is gone. */
  yank(): Promise<void>;
  /** Stops socat if it runs. Safe to call more than once. */
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 5000;
const EXIT_WITHIN_MS = 3000;

export function socatLine(dir: string, name: string): SocatLine {
  const term = join(dir, `${name}-term`);
  const cart = join(dir, `${name}-cart`);
  let child: ChildProcess | null = null;
  let log = '';

  // A SIGKILLed socat leaves its symlinks behind, pointing at pty numbers that another line
  // may reuse; they must never be mistaken for the new ones.
  const removeLinks = () => {
    rmSync(term, { force: true });
    rmSync(cart, { force: true });
  };

  async function exit(signal: NodeJS.Signals): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), EXIT_WITHIN_MS);
    await exited;
    clearTimeout(timer);
  }

  return {
    term,
    cart,
    async start() {
      if (child) throw new Error(`socat for ${name} is already running`);
      removeLinks();
      log = '';
      const started = spawn(
        'socat',
        ['-d', '-d', `pty,raw,echo=0,link=${term}`, `pty,raw,echo=0,link=${cart}`],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child = started;
      started.on('error', (err) => (log += `\n${err.message}`));
      started.stderr?.on('data', (chunk: Buffer) => {
        if (log.length < 8000) log += chunk.toString();
      });
      const deadline = Date.now() + READY_WITHIN_MS;
      // existsSync follows the symlink, so it is true only once the pty behind it exists.
      while (!existsSync(term) || !existsSync(cart)) {
        if (started.exitCode !== null || started.signalCode !== null || started.pid === undefined)
          throw new Error(`socat for ${name} exited early: ${log}`);
        if (Date.now() > deadline) {
          await exit('SIGKILL');
          throw new Error(`socat for ${name} made no ptys within ${READY_WITHIN_MS} ms: ${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async yank() {
      await exit('SIGKILL');
      removeLinks();
    },
    async stop() {
      await exit('SIGTERM');
      removeLinks();
    },
  };
}
