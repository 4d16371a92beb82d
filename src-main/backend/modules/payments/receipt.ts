import { toVietnamLocal } from '#shared/text/vietnam-time';
import type { PayableOrder, Payment, PaymentsRepo } from './payments.repo.ts';

const WIDTH = 42; // characters on a common 80 mm thermal printer

const dong = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
const row = (left: string, right: string) => {
  const room = WIDTH - right.length - 1;
  const text = left.length > room ? `${left.slice(0, room - 1)}…` : left;
  return `${text}${' '.repeat(WIDTH - text.length - right.length)}${right}`;
};
const center = (text: string) => `${' '.repeat(Math.max(0, (WIDTH - text.length) >> 1))}${text}`;
const rule = '-'.repeat(WIDTH);

/** Vietnam's wall-clock time (UTC+7) as dd/mm/yyyy hh:mm, for the printed slip. */
function vietnamTime(iso: string): string {
  const t = toVietnamLocal(iso);
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

const METHOD_LABEL: Record<string, string> = {
  cash: 'Tiền mặt',
  payos: 'Chuyển khoản (payOS)',
  vnpay: 'VNPay',
  momo: 'Ví MoMo',
};

/**
 * A receipt for an order: structured amounts for screens, and the same content laid out in
 * fixed-width lines for a receipt printer. Amounts come from the stored order, which the
 * server computed at checkout; an unpaid order's slip says so instead of showing a payment.
 */
export function buildReceipt(repo: PaymentsRepo, order: PayableOrder, storeName: string) {
  const { amounts, lines } = repo.receiptData(order.id);
  const paid: Payment | undefined = repo.forOrder(order.id).find((p) => p.status === 'paid');
  const text = [
    center(storeName),
    center(`HÓA ĐƠN ${order.number}`),
    center(vietnamTime(amounts.created_at)),
    rule,
  ];
  for (const l of lines) {
    const days = l.rental_days ? ` × ${l.rental_days} ngày` : '';
    text.push(l.product_name.slice(0, WIDTH));
    text.push(row(`  ${l.quantity} × ${dong(l.unit_price)}${days}`, dong(l.line_total)));
  }
  text.push(rule, row('Tạm tính', dong(amounts.subtotal)));
  if (amounts.discount) {
    text.push(
      row(
        `Giảm giá${amounts.voucher_code ? ` (${amounts.voucher_code})` : ''}`,
        `-${dong(amounts.discount)}`,
      ),
    );
  }
  if (amounts.shipping_fee) text.push(row('Phí giao hàng', dong(amounts.shipping_fee)));
  if (amounts.services_fee) text.push(row('Dịch vụ', dong(amounts.services_fee)));
  if (amounts.deposit) text.push(row('Tiền cọc', dong(amounts.deposit)));
  text.push(row('TỔNG CỘNG', dong(order.total)), rule);
  if (paid) {
    text.push(row(METHOD_LABEL[paid.method] ?? paid.method, dong(paid.amountReceived)));
    if (paid.method === 'cash' && paid.amountReceived > paid.amount) {
      text.push(row('Tiền thối', dong(paid.amountReceived - paid.amount)));
    }
    text.push(row('Thanh toán lúc', vietnamTime(paid.paidAt!)));
  } else {
    text.push(center('CHƯA THANH TOÁN'));
  }
  text.push(center('Cảm ơn quý khách!'));
  return {
    order_number: order.number,
    created_at: amounts.created_at,
    items: lines.map((l) => ({
      name: l.product_name,
      sku: l.sku,
      quantity: l.quantity,
      unit_price: l.unit_price,
      rental_days: l.rental_days,
      line_total: l.line_total,
    })),
    subtotal: amounts.subtotal,
    discount: amounts.discount,
    voucher_code: amounts.voucher_code,
    shipping_fee: amounts.shipping_fee,
    services_fee: amounts.services_fee,
    deposit: amounts.deposit,
    total: order.total,
    paid: paid
      ? {
          method: paid.method,
          amount: paid.amount,
          received: paid.amountReceived,
          change: Math.max(0, paid.amountReceived - paid.amount),
          paid_at: paid.paidAt!,
        }
      : null,
    lines: text,
  };
}
