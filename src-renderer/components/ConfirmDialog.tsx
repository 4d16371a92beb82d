import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n/i18n.context.ts';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** While the confirmed action runs: both buttons wait, and Escape does nothing. */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question, rendered only while it is being asked. The native `<dialog>` traps focus,
 * closes on Escape and returns focus to the opener; Cancel comes first so it gets the focus,
 * which keeps a stray Enter from confirming a deletion.
 */
export function ConfirmDialog({ title, children, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="confirm-cancel"
          disabled={busy}
          onClick={onCancel}
        >
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="confirm-ok"
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
