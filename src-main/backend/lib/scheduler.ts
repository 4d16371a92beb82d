export interface Repeating {
  stop(): void;
}

/**
 * Runs `task` every `everyMs` until stopped. The timer is unref'd so it never keeps a process
 * alive on its own, and a run that throws is reported without ending the next ones.
 */
export function every(
  everyMs: number,
  task: () => void,
  onError: (err: unknown) => void,
): Repeating {
  const timer = setInterval(() => {
    try {
      task();
    } catch (err) {
      onError(err);
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
