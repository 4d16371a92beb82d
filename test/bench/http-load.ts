import autocannon from 'autocannon';

export interface LoadFigures {
  maxRps: number;
  p50AtRate: number;
  p99AtRate: number;
  errors: number;
}

const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))),
  );

/**
 * Max throughput (closed loop, 16 connections) and latency at a fixed 1 000 requests/s
 * (open loop), each for a few seconds: bounded in count and time.
 */
export async function measure(url: string, seconds = 4, rate = 1000): Promise<LoadFigures> {
  await run({ url, connections: 4, duration: 1 }); // warm-up: caches, JIT
  const max = await run({ url, connections: 16, duration: seconds });
  const fixed = await run({ url, connections: 16, duration: seconds, overallRate: rate });
  return {
    maxRps: max.requests.average,
    p50AtRate: fixed.latency.p50,
    p99AtRate: fixed.latency.p99,
    errors: max.errors + max.non2xx + fixed.errors + fixed.non2xx,
  };
}
