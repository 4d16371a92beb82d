import { useId, useState } from 'react';
import type { Voucher } from '../../api/my-orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';
import { useVouchers } from './phone-checkout.query.ts';
import { estimateDiscount } from './voucher-estimate.ts';

interface Props {
  subtotal: number;
  /** The chosen or typed code; '' for none. */
  value: string;
  onChange(code: string): void;
  /** The server's reason for refusing the last code, shown under the field. */
  error: string | null;
  disabled?: boolean;
}

/** Vouchers the store offers now, plus a field for a code the customer already has. */
export function PhoneVoucherPicker({ subtotal, value, onChange, error, disabled }: Props) {
  const { t } = useI18n();
  const vouchers = useVouchers(true);
  const [typed, setTyped] = useState('');
  const ids = { input: useId(), error: useId(), group: useId() };
  const list = vouchers.data ?? [];

  const describe = (v: Voucher) =>
    v.discount_type === 'percentage'
      ? t('phoneCheckout.voucherPercent', { n: v.discount_value })
      : t('phoneCheckout.voucherAmount', { amount: formatDong(v.discount_value) });

  return (
    <fieldset className="phone-vouchers" data-testid="phone-vouchers" disabled={disabled}>
      <legend className="phone-section-title" id={ids.group}>
        {t('phoneCheckout.voucherTitle')}
      </legend>
      {list.length > 0 && (
        <div className="phone-voucher-list" role="radiogroup" aria-labelledby={ids.group}>
          <label className="phone-voucher">
            <input
              type="radio"
              name="voucher"
              checked={value === ''}
              onChange={() => {
                setTyped('');
                onChange('');
              }}
            />
            <span>{t('phoneCheckout.voucherNone')}</span>
          </label>
          {list.map((v) => {
            const discount = estimateDiscount(v, subtotal);
            return (
              <label
                key={v.id}
                className="phone-voucher"
                data-testid="phone-voucher"
                data-code={v.code}
                aria-disabled={discount === null || undefined}
              >
                <input
                  type="radio"
                  name="voucher"
                  value={v.code}
                  checked={value === v.code}
                  disabled={discount === null}
                  onChange={() => {
                    setTyped('');
                    onChange(v.code);
                  }}
                />
                <span className="phone-voucher-body">
                  <span>
                    <strong>{v.code}</strong> · {describe(v)}
                  </span>
                  <span className="muted small">
                    {v.name}
                    {v.min_order_amount > 0 &&
                      ` · ${t('phoneCheckout.voucherMin', { amount: formatDong(v.min_order_amount) })}`}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.input}>{t('phoneCheckout.voucherType')}</label>
        <input
          id={ids.input}
          data-testid="phone-voucher-code"
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            onChange(e.target.value.trim());
          }}
        />
      </div>
      {error && (
        <p
          id={ids.error}
          className="notice notice-error small"
          role="alert"
          data-testid="phone-voucher-error"
        >
          {error}
        </p>
      )}
    </fieldset>
  );
}
