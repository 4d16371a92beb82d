import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createSimCart } from './sim-cart.ts';
import { connectTcp, openSerial } from './sim-transports.ts';

// `npm run cart-sim -- --tcp 127.0.0.1:7070 --cart CART-001 --key <hex> --script "…"`
// Plays one cart over TCP or a serial line (e.g. a socat pseudo-terminal). Script steps,
// separated by ";": scan:<barcode> remove:<barcode> weigh:<grams> see:<barcode>
// press:help|checkout wait:<ms> noise:<bytes> disconnect. Without --script it waits and
// prints what the terminal sends until interrupted.

const USAGE = `cart-sim (--tcp HOST:PORT | --serial PATH) --cart CODE --key HEX [--script STEPS]`;

const { values } = parseArgs({
  options: {
    tcp: { type: 'string' },
    serial: { type: 'string' },
    cart: { type: 'string' },
    key: { type: 'string' },
    script: { type: 'string' },
    firmware: { type: 'string', default: 'sim-1.0' },
  },
});

if ((!values.tcp && !values.serial) || !values.cart || !values.key) {
  console.error(USAGE);
  process.exit(2);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  let transport;
  if (values.tcp) {
    const [host, port] = values.tcp.split(':');
    transport = await connectTcp(host!, Number(port));
  } else {
    transport = await openSerial(values.serial!);
  }
  const cart = createSimCart(transport, {
    cartId: values.cart!,
    key: values.key!,
    firmware: values.firmware,
  });
  const print = (m: { name: string; payload: unknown }) =>
    console.log(`← ${m.name} ${JSON.stringify(m.payload)}`);
  let shown = 0;
  const flush = () => {
    for (; shown < cart.received.length; shown++) print(cart.received[shown]!);
  };
  await cart.connect();
  flush();
  console.log(`${values.cart} connected`);
  for (const step of (values.script ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [verb, arg = ''] = step.split(':');
    console.log(`→ ${step}`);
    switch (verb) {
      case 'scan':
        await cart.scan(arg);
        break;
      case 'remove':
        await cart.remove(arg);
        break;
      case 'weigh':
        await cart.weigh(Number(arg));
        break;
      case 'see':
        await cart.recognise([{ label: arg, confidence: 0.9, barcode: arg }]);
        break;
      case 'press':
        await cart.press(arg === 'checkout' ? 'checkout' : 'help');
        break;
      case 'wait':
        await wait(Number(arg));
        break;
      case 'noise':
        cart.noise(randomBytes(Number(arg) || 16));
        break;
      case 'disconnect':
        await cart.close();
        return;
      default:
        console.error(`unknown step "${step}"`);
        process.exit(2);
    }
    flush();
  }
  if (values.script) {
    await wait(300);
    flush();
    await cart.close();
    return;
  }
  setInterval(flush, 100);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
