import { useState } from 'react';
import type { Device, PairedDevice } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useSession } from '../../app/session/session.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useDevices, useRetireDevice } from './devices.query.ts';
import { DevicesTable } from './DevicesTable.tsx';
import { PairedResult } from './PairedResult.tsx';
import { PairForm } from './PairForm.tsx';
import { QrDialog } from './QrDialog.tsx';
import { TransportsPanel } from './TransportsPanel.tsx';

/** Active carts first (online before offline), retired ones last. */
const rank = (d: Device) => (d.status === 'retired' ? 2 : d.link.online ? 0 : 1);
const byRank = (a: Device, b: Device) =>
  rank(a) - rank(b) || a.cart_code.localeCompare(b.cart_code);

export function DevicesPage() {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const isAdmin = useSession().session?.role === 'admin';
  const devices = useDevices();
  const retire = useRetireDevice();
  const [paired, setPaired] = useState<PairedDevice | null>(null);
  // By id: the list refreshes, and a cart's QR code changes after every session.
  const [qrFor, setQrFor] = useState<number | null>(null);
  const [retiring, setRetiring] = useState<Device | null>(null);
  const list = devices.data ? [...devices.data].sort(byRank) : null;
  const active = list?.filter((d) => d.status !== 'retired') ?? [];
  const online = active.filter((d) => d.link.online).length;
  const showingQr = list?.find((d) => d.id === qrFor && d.status !== 'retired');

  async function confirmRetire(device: Device) {
    try {
      await retire.mutateAsync(device.id);
      toast.show(t('devices.retiredToast', { name: device.name }));
    } catch (error) {
      toast.show(errorText(error), 'error');
    } finally {
      setRetiring(null);
    }
  }

  return (
    <section className="page page-wide" data-testid="devices-page" aria-labelledby="page-title">
      <div className="page-header">
        <div className="page-heading">
          <h1 id="page-title">{t('devices.title')}</h1>
          {list && (
            <span className="muted" data-testid="devices-summary">
              {t('devices.summary', { n: active.length, online })}
            </span>
          )}
        </div>
      </div>

      <div className="split-layout devices-layout">
        <div className="panel panel-flush">
          {devices.isError && !list ? (
            <LoadError
              title={t('devices.loadFailed')}
              error={devices.error}
              onRetry={() => void devices.refetch()}
            />
          ) : !list ? (
            <p className="empty-state muted" role="status">
              {t('common.loading')}
            </p>
          ) : list.length === 0 ? (
            <p className="empty-state muted">{t('devices.empty')}</p>
          ) : (
            <DevicesTable
              devices={list}
              canManage={isAdmin}
              onShowQr={(device) => setQrFor(device.id)}
              onRetire={setRetiring}
            />
          )}
        </div>

        <div className="side-column">
          {!isAdmin ? (
            <p className="panel muted small">{t('pair.adminOnly')}</p>
          ) : paired ? (
            <PairedResult device={paired} onDone={() => setPaired(null)} />
          ) : (
            <PairForm onPaired={setPaired} />
          )}
          <TransportsPanel />
        </div>
      </div>

      {showingQr && <QrDialog device={showingQr} onClose={() => setQrFor(null)} />}
      {retiring && (
        <ConfirmDialog
          title={t('devices.retireTitle')}
          confirmLabel={t('devices.retire')}
          busy={retire.isPending}
          onConfirm={() => void confirmRetire(retiring)}
          onCancel={() => setRetiring(null)}
        >
          <p>{t('devices.retireBody', { name: retiring.name, code: retiring.cart_code })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
