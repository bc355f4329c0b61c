import { useEffect, useState } from 'react';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { useOfflineReadOnly } from '../pwa/offline';
import { disablePush, enablePush, type PushState, readPushState } from './push-api';

/**
 * "Notifications on this device" (issue 9 §3.14), on the reminders page because that is where a patient
 * chooses how they are told about appointments and messages (APP-7). Says why and what a notification
 * shows, asks the browser's permission only when the patient clicks, and says what happens instead
 * (SMS or email) when the browser refuses or cannot.
 */
export function PushSettings() {
  const { t } = useI18n();
  const offline = useOfflineReadOnly();
  const [state, setState] = useState<PushState | 'checking'>('checking');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    let live = true;
    readPushState()
      .then((found) => live && setState(found))
      .catch(() => live && setState('off'));
    return () => {
      live = false;
    };
  }, []);

  const change = async (action: () => Promise<PushState>) => {
    setBusy(true);
    setFailed(false);
    try {
      setState(await action());
      setChanged(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card home-card" aria-labelledby="push-settings" data-push-state={state}>
      <h2 id="push-settings">{t('push.title')}</h2>
      <p className="small">{t('push.why')}</p>
      {state === 'checking' ? <p className="muted small">{t('push.checking')}</p> : null}
      {state === 'unsupported' ? <Alert tone="info">{t('push.unsupported')}</Alert> : null}
      {state === 'denied' ? <Alert tone="info">{t('push.denied')}</Alert> : null}
      {failed ? <Alert tone="error">{t('push.failed')}</Alert> : null}
      {state === 'on' ? (
        <>
          <Alert tone="success">{t('push.on')}</Alert>
          <Button variant="secondary" busy={busy} disabled={offline} onClick={() => void change(disablePush)}>
            {t('push.disable')}
          </Button>
        </>
      ) : null}
      {state === 'off' ? (
        <>
          {changed ? (
            <p className="small">{t('push.off')}</p>
          ) : (
            <p className="muted small">{t('push.fallback')}</p>
          )}
          <Button busy={busy} disabled={offline} onClick={() => void change(enablePush)}>
            {t('push.enable')}
          </Button>
          <p className="muted small">{t('push.askHint')}</p>
        </>
      ) : null}
    </section>
  );
}
