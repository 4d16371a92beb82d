import { useState } from 'react';
import { useI18n } from '../app/i18n/i18n.context.ts';

interface Props {
  label: string;
  value: string;
  testId?: string;
}

/** A value to hand on exactly (a key, a QR payload): selectable text and a copy button. */
export function CopyBox({ label, value, testId }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // No clipboard (an insecure origin on the LAN): the text is selectable by hand.
      setCopied(false);
    }
  }

  return (
    <div className="copy-box">
      <div className="copy-box-label">{label}</div>
      <div className="copy-box-row">
        <code className="copy-box-value" data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          aria-label={t('copy.buttonNamed', { name: label })}
          onClick={() => void copy()}
        >
          {copied ? t('copy.done') : t('copy.button')}
        </button>
      </div>
    </div>
  );
}
