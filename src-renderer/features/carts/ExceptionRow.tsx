import { useId, useState } from 'react';
import { RESOLUTIONS, type Resolution, type SessionException } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { formatClockTime } from '../status/status.format.ts';
import { useResolveException } from './carts.query.ts';
import { exceptionDetail, exceptionTitle, resolutionLabel } from './exception-text.ts';

interface Props {
  sessionId: string;
  exception: SessionException;
}

/** A scan/scale/camera mismatch; an open one can be resolved here with what staff found. */
export function ExceptionRow({ sessionId, exception }: Props) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const resolve = useResolveException();
  const [resolution, setResolution] = useState<Resolution>('item_added_to_cart');
  const selectId = useId();
  const open = exception.status === 'open';
  const detail = exceptionDetail(exception, t);

  async function submit() {
    try {
      await resolve.mutateAsync({ sessionId, exceptionId: exception.id, resolution });
      toast.show(t('exception.resolved'));
    } catch (error) {
      toast.show(errorText(error), 'error');
    }
  }

  return (
    <li
      className={`exception ${open ? 'exception-open' : 'exception-closed'}`}
      data-testid="exception-row"
      data-status={exception.status}
    >
      <div className="exception-text">
        <div className="exception-title">
          {open && <span className="exception-icon" aria-hidden="true" />}
          {exceptionTitle(exception, t)}
        </div>
        <div className="muted small">
          {formatClockTime(exception.created_at, locale)}
          {detail && ` · ${detail}`}
          {!open && exception.resolution && <> · {resolutionLabel(exception.resolution, t)}</>}
        </div>
      </div>
      {open && (
        <div className="exception-actions">
          <label className="visually-hidden" htmlFor={selectId}>
            {t('exception.resolution')}
          </label>
          <select
            id={selectId}
            className="select-sm"
            data-testid="exception-resolution"
            value={resolution}
            onChange={(e) => setResolution(e.target.value as Resolution)}
          >
            {RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {t(`resolution.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            data-testid="exception-resolve"
            disabled={resolve.isPending}
            onClick={() => void submit()}
          >
            {t('exception.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}
