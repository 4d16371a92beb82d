import { useState, type FormEvent } from 'react';
import type { Device } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { useRenameDevice } from './devices.query.ts';

interface Props {
  device: Device;
  onDone(): void;
}

/** The cart's name as an input, in place: Enter saves, Escape gives up. */
export function RenameInline({ device, onDone }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const rename = useRenameDevice();
  const [name, setName] = useState(device.name);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed === device.name) {
      onDone();
      return;
    }
    try {
      await rename.mutateAsync({ id: device.id, name: trimmed });
      toast.show(t('devices.renamed', { name: trimmed }));
      onDone();
    } catch (error) {
      toast.show(errorText(error), 'error');
    }
  }

  return (
    <form className="rename-inline" onSubmit={handleSubmit}>
      <input
        className="cell-input"
        data-testid="device-name-input"
        aria-label={t('devices.renameNamed', { name: device.name })}
        maxLength={80}
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      <button
        type="submit"
        className="btn btn-primary btn-sm"
        data-testid="device-name-save"
        disabled={rename.isPending}
      >
        {t('common.save')}
      </button>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
