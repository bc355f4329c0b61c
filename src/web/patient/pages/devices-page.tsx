import { useState } from 'react';
import type { Device } from '../../../contracts/patient-app';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { shortDateTime } from '../format';
import { useI18n } from '../i18n';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { LoadFailure, Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { useLoad } from '../use-load';

/**
 * "Mes appareils" (issue 5 §8): the devices signed in with this phone's identity, this one marked; the others
 * can be signed out from here, and this one signs out with the button below.
 */
export function DevicesPage() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const offline = useOfflineReadOnly();
  const { load, reload } = useLoad<{ items: Device[] }>('/api/patient/devices');
  return (
    <>
      <PageTitle>{t('devices.title')}</PageTitle>
      <p className="muted">{t('devices.intro')}</p>
      {load.kind === 'loading' ? <Loading /> : null}
      {load.kind === 'failed' ? <LoadFailure error={load.error} onRetry={reload} /> : null}
      {load.kind === 'ready' ? <DeviceList devices={load.data.items} onChanged={reload} /> : null}
      <Button variant="secondary" className="button--block" disabled={offline} onClick={() => void signOut()}>
        {t('devices.signOutHere')}
      </Button>
    </>
  );
}

function DeviceList({ devices, onChanged }: { devices: Device[]; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const offline = useOfflineReadOnly();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState<string | null>(null);
  const sorted = [...devices].sort((a, b) => Number(b.current) - Number(a.current));

  const revoke = async (device: Device) => {
    setBusy(device.id);
    setError(null);
    setSaid(null);
    try {
      await api.delete(`/api/patient/devices/${encodeURIComponent(device.id)}`);
      setSaid(t('devices.revoked', { device: device.label }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card home-card" aria-labelledby="devices-list">
      <h2 id="devices-list">{t('devices.listTitle', { count: devices.length })}</h2>
      <div aria-live="polite">{said ? <p className="small">{said}</p> : null}</div>
      <ErrorAlert error={error} withFields />
      <ul className="devices">
        {sorted.map((device) => (
          <li key={device.id}>
            <p className="device__label">
              <strong>{device.label}</strong>
              {device.current ? <span className="badge badge--shown">{t('devices.current')}</span> : null}
            </p>
            <p className="muted small">
              {t('devices.since', { date: shortDateTime(device.createdAt, lang) })}
              <br />
              {t('devices.lastSeen', { date: shortDateTime(device.lastSeenAt, lang) })}
            </p>
            {device.current ? null : (
              <Button
                variant="secondary"
                busy={busy === device.id}
                disabled={offline}
                aria-label={t('devices.revokeOne', { device: device.label })}
                onClick={() => void revoke(device)}
              >
                {t('devices.revoke')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
