/**
 * Gateway order codes: this terminal's number in the high digits, its own sequence below.
 * Terminals of one chain share merchant accounts, so codes must differ between them; the
 * sequence never goes back, so a code is never reused. payOS needs a positive safe integer;
 * VNPay and MoMo take the same digits as text.
 */
const PER_TERMINAL = 1_000_000_000;

export function gatewayOrderCode(terminalNo: number, sequence: number): number {
  if (sequence >= PER_TERMINAL) throw new RangeError('this terminal has used up its gateway codes');
  return terminalNo * PER_TERMINAL + sequence;
}
