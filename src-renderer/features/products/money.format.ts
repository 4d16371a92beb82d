// Prices are whole đồng everywhere (the đồng has no minor unit), so they are shown the
// Vietnamese way whatever the console's language: "65.000 ₫".
const DONG = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

export function formatDong(amount: number): string {
  return DONG.format(amount);
}
