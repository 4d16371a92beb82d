// The load of the checkout benchmark, for any shop that can run the flow: customers add to
// their carts, check out, open a gateway payment and get its webhook, a fixed number of them
// on a few concurrent workers. Bounded twice: a number of checkouts and a deadline for
// starting new ones.

/** One customer's flow as the load sees it; `i` names the customer (one checkout each). */
export interface Shop {
  /** 'out-of-stock' when the shop refuses the line for stock; anything unexpected throws. */
  add(i: number, product: 'plenty' | 'scarce'): Promise<'ok' | 'out-of-stock'>;
  /** The sale order placed, or 'conflict' (409) when stock ran out between add and checkout. */
  checkout(i: number): Promise<number | 'conflict'>;
  /** Opens a gateway payment for the order: its code at the gateway and the amount asked. */
  startPayment(i: number, orderId: number): Promise<{ code: number; amount: number }>;
  /** The gateway's confirmation arrives; returns a way to send that same webhook again. */
  confirm(code: number, amount: number): Promise<() => Promise<void>>;
  /** What the customer sees of the order's payments, compared before and after a duplicate. */
  payments(i: number, orderId: number): Promise<string>;
}

export interface CheckoutLoadOptions {
  checkouts: number;
  workers: number;
  /** No new checkout starts after this; those under way finish. */
  seconds: number;
  /** Whether customer i also wants the scarce product. */
  wantsScarce(i: number): boolean;
  /** Customer i's webhook is sent twice. */
  duplicate(i: number): boolean;
}

export interface CheckoutFigures {
  started: number;
  paid: number;
  /** Checkouts refused with 409 (lost the race for the last units). */
  conflicts: number;
  /** Scarce lines refused at add (already sold out); the customer went on without it. */
  refusedAtAdd: number;
  errors: number;
  firstError: string;
  seconds: number;
  /** Milliseconds, sorted: add → webhook answered, and each step alone. */
  flow: Float64Array;
  add: Float64Array;
  checkout: Float64Array;
  payment: Float64Array;
  webhook: Float64Array;
  /** Orders whose webhook was answered 200, and the subset that got theirs twice. */
  paidOrders: number[];
  duplicatedOrders: number[];
  /** Duplicates after which the customer's view of the payments differed. */
  duplicatesChanged: number;
}

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

/** Nearest-rank percentile of sorted values. */
export const pct = (s: Float64Array, p: number) =>
  s.length ? s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]! : NaN;

export async function runCheckouts(shop: Shop, o: CheckoutLoadOptions): Promise<CheckoutFigures> {
  const lat = { flow: [] as number[], add: [] as number[], checkout: [] as number[] };
  const payment: number[] = [];
  const webhook: number[] = [];
  const paidOrders: number[] = [];
  const duplicatedOrders: number[] = [];
  let conflicts = 0;
  let refusedAtAdd = 0;
  let errors = 0;
  let firstError = '';
  let duplicatesChanged = 0;
  let next = 0;

  const timed = async <T>(into: number[], step: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await step();
    into.push(performance.now() - t);
    return value;
  };

  async function one(i: number) {
    const t0 = performance.now();
    const t = performance.now();
    // The scarce line first: the cart's stock check is only a first look, and the longer the
    // gap before checkout takes the stock, the more customers race for the last units.
    if (o.wantsScarce(i) && (await shop.add(i, 'scarce')) === 'out-of-stock') refusedAtAdd++;
    await shop.add(i, 'plenty');
    lat.add.push(performance.now() - t);
    const orderId = await timed(lat.checkout, () => shop.checkout(i));
    if (orderId === 'conflict') return void conflicts++;
    const link = await timed(payment, () => shop.startPayment(i, orderId));
    const resend = await timed(webhook, () => shop.confirm(link.code, link.amount));
    lat.flow.push(performance.now() - t0);
    paidOrders.push(orderId);
    if (!o.duplicate(i)) return;
    // Outside the timed flow: payOS retries a webhook until it sees a 2xx, so one can arrive
    // twice; the customer must see exactly what they saw before it.
    const before = await shop.payments(i, orderId);
    await resend();
    if ((await shop.payments(i, orderId)) !== before) duplicatesChanged++;
    duplicatedOrders.push(orderId);
  }

  const start = performance.now();
  const deadline = start + o.seconds * 1000;
  const worker = async () => {
    while (next < o.checkouts && performance.now() < deadline) {
      const i = next++;
      try {
        await one(i);
      } catch (error) {
        errors++;
        firstError ||= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: o.workers }, worker));
  const seconds = (performance.now() - start) / 1000;

  return {
    started: next,
    paid: paidOrders.length,
    conflicts,
    refusedAtAdd,
    errors,
    firstError,
    seconds,
    flow: sorted(lat.flow),
    add: sorted(lat.add),
    checkout: sorted(lat.checkout),
    payment: sorted(payment),
    webhook: sorted(webhook),
    paidOrders,
    duplicatedOrders,
    duplicatesChanged,
  };
}
