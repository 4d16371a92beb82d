import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RentalSettings } from '../../api/settings.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { focusField, isFieldInvalid } from '../../components/field-error.util.ts';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import {
  CANCELLATION_POLICIES,
  checkSettings,
  draftFromSettings,
  POLICY_LABELS,
  type CancellationPolicy,
  type RentalSettingsDraft,
} from './rental-settings.model.ts';
import { useSaveRentalSettings } from './settings.query.ts';

type NumberKey = 'minDays' | 'maxDays' | 'depositRate' | 'overdueFeeRate' | 'rentDeduction';

/** The rental rules as stored, editable; saving sends them whole. */
export function RentalSettingsForm({ settings }: { settings: RentalSettings }) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const save = useSaveRentalSettings();
  const [draft, setDraft] = useState<RentalSettingsDraft>(() => draftFromSettings(settings));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const idOf = (name: string) => `${uid}-${name}`;
  const errorId = idOf('error');

  useEffect(() => focusField(formRef.current, problem?.field), [problem]);

  const set = <K extends keyof RentalSettingsDraft>(key: K, value: RentalSettingsDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkSettings(draft);
    if (!check.ok) {
      setProblem({ field: check.field, key: check.key });
      return;
    }
    setProblem(null);
    try {
      // On success the settings are read again and this form is rebuilt from them.
      await save.mutateAsync(check.body);
      toast.show(t('rentalSettings.savedToast'));
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  const invalid = (name: string) => ({
    'aria-invalid': isFieldInvalid(problem?.field, name) || undefined,
    'aria-describedby': isFieldInvalid(problem?.field, name) ? errorId : undefined,
    'data-field': name,
  });

  const number = (name: string, key: NumberKey, label: string, testId: string, hint?: string) => (
    <div className="field">
      <label htmlFor={idOf(name)}>{label}</label>
      <input
        id={idOf(name)}
        data-testid={testId}
        inputMode="decimal"
        autoComplete="off"
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        {...invalid(name)}
      />
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );

  return (
    <form
      ref={formRef}
      className="product-form"
      data-testid="rental-settings-form"
      onSubmit={handleSubmit}
      noValidate
    >
      <fieldset className="panel fieldset">
        <legend className="panel-title">{t('rentalSettings.duration')}</legend>
        <div className="form-grid">
          {number(
            'duration_limits.min_days',
            'minDays',
            t('rentalSettings.minDays'),
            'rental-min-days',
          )}
          {number(
            'duration_limits.max_days',
            'maxDays',
            t('rentalSettings.maxDays'),
            'rental-max-days',
          )}
        </div>
      </fieldset>

      <fieldset className="panel fieldset">
        <legend className="panel-title">{t('rentalSettings.money')}</legend>
        <div className="form-grid">
          {number(
            'deposit.default_rate',
            'depositRate',
            t('rentalSettings.depositRate'),
            'rental-deposit-rate',
            t('rentalSettings.depositRateHint'),
          )}
          {number(
            'penalty.overdue_fee_rate',
            'overdueFeeRate',
            t('rentalSettings.overdueFeeRate'),
            'rental-overdue-rate',
            t('rentalSettings.overdueFeeRateHint'),
          )}
          <div className="field">
            <label htmlFor={idOf('policy')}>{t('rentalSettings.cancellationPolicy')}</label>
            <select
              id={idOf('policy')}
              data-testid="rental-policy"
              value={draft.cancellationPolicy}
              onChange={(e) => set('cancellationPolicy', e.target.value as CancellationPolicy)}
              {...invalid('penalty.cancellation_policy')}
            >
              {CANCELLATION_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(POLICY_LABELS[policy])}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset className="panel fieldset">
        <legend className="panel-title">{t('rentalSettings.rentToOwn')}</legend>
        <div className="form-grid">
          <div className="field field-check">
            <input
              id={idOf('rto')}
              type="checkbox"
              data-testid="rental-rent-to-own"
              checked={draft.rentToOwn}
              onChange={(e) => set('rentToOwn', e.target.checked)}
            />
            <label htmlFor={idOf('rto')}>{t('rentalSettings.rentToOwnEnabled')}</label>
          </div>
          {number(
            'rent_to_own.rent_deduction',
            'rentDeduction',
            t('rentalSettings.rentDeduction'),
            'rental-rent-deduction',
            t('rentalSettings.rentDeductionHint'),
          )}
        </div>
      </fieldset>

      <div className="form-footer">
        <FormError id={errorId} text={problemText(problem)} />
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="rental-settings-save"
            disabled={save.isPending}
          >
            {save.isPending ? t('common.saving') : t('rentalSettings.save')}
          </button>
        </div>
      </div>
    </form>
  );
}
