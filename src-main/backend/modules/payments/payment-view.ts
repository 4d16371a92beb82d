import type { PaymentView } from '#shared/contracts/payments';
import type { PayableOrder, Payment } from './payments.repo.ts';

export const paymentView = (p: Payment, o: PayableOrder): PaymentView => ({
  id: p.uuid,
  order_id: o.id,
  order_uuid: o.uuid,
  order_number: o.number,
  method: p.method,
  status: p.status,
  amount: p.amount,
  amount_received: p.amountReceived,
  gateway_order_code: p.gatewayOrderCode,
  checkout_url: p.checkoutUrl,
  qr_code: p.qrCode,
  order_payment_status: o.paymentStatus,
  created_at: p.createdAt,
  paid_at: p.paidAt,
  // Cash: what was handed over is `amount_received`; the difference goes back.
  ...(p.method === 'cash' ? { change: p.amountReceived - p.amount } : {}),
});
