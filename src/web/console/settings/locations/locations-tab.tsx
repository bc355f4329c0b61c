import { useState } from 'react';
import type { Location } from '../../../../contracts/settings';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Flash, useFlash } from '../common/flash';
import { ResourceState } from '../common/resource-state';
import { useResource } from '../common/use-resource';
import { LocationDialog } from './location-dialog';

/** Settings › Locations (admin): the practice's sites (SET-2). */
export function LocationsTab() {
  const { t } = useI18n();
  const locations = useResource<{ items: Location[] }>('/api/console/locations');
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Location | null>(null);
  const [flash, setFlash] = useFlash();
  const items = locations.data?.items ?? [];

  return (
    <section aria-labelledby="settings-locations-title">
      <h2 id="settings-locations-title">{t('settings.locations.title')}</h2>
      <p className="muted">{t('settings.locations.intro')}</p>
      <Flash message={flash} />
      {!locations.data ? (
        <ResourceState error={locations.error} onRetry={() => void locations.reload()} />
      ) : (
        <>
          <div className="settings-toolbar">
            <Button onClick={() => setEditing('new')}>{t('settings.locations.add')}</Button>
          </div>
          {items.length === 0 ? <p className="settings-empty">{t('settings.locations.empty')}</p> : null}
          <ul className="settings-cards">
            {items.map((location) => (
              <li key={location.id} className="card settings-card">
                <h3>{location.name}</h3>
                <p>
                  {location.addressLine}
                  <br />
                  {location.postalCode} {location.city}
                  {location.phone ? (
                    <>
                      <br />
                      {location.phone}
                    </>
                  ) : null}
                </p>
                {location.mapUrl ? (
                  <p>
                    <a href={location.mapUrl} target="_blank" rel="noreferrer">
                      {t('settings.locations.openMap')}
                    </a>
                  </p>
                ) : null}
                <div className="settings-row-actions">
                  <Button
                    variant="secondary"
                    aria-label={t('settings.editNamed', { name: location.name })}
                    onClick={() => setEditing(location)}
                  >
                    {t('settings.edit')}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('settings.archiveNamed', { name: location.name })}
                    onClick={() => setArchiving(location)}
                  >
                    {t('settings.archive')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing ? (
        <LocationDialog
          location={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setFlash(t('settings.locations.saved', { name: saved.name }));
            void locations.reload();
          }}
        />
      ) : null}
      {archiving ? (
        <ConfirmDialog
          title={t('settings.locations.archiveTitle')}
          confirmLabel={t('settings.archive')}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            await api.delete(`/api/console/locations/${archiving.id}`);
            setArchiving(null);
            setFlash(t('settings.locations.archivedDone', { name: archiving.name }));
            await locations.reload();
          }}
        >
          <p>{t('settings.locations.archiveBody', { name: archiving.name })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
