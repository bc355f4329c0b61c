import { useEffect, useState } from 'react';
import type { SecureLink, StaffDocument } from '../../../contracts/documents';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { useI18n } from '../i18n';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { useResource } from '../settings/common/use-resource';
import { documentPaths } from './documents-api';
import { SecureLinkList } from './secure-link-list';
import { SecureSendForm } from './secure-send-form';

export interface Recipient {
  name: string;
  phone: string;
  email: string;
}

interface SecureSendDialogProps {
  document: StaffDocument;
  recipient: Recipient;
  timeZone: string;
  onClose: () => void;
}

/** "Envoyer de façon sécurisée": a new link for a document, and the links already sent with their openings. */
export function SecureSendDialog({ document, recipient, timeZone, onClose }: SecureSendDialogProps) {
  const { t } = useI18n();
  const loaded = useResource<{ items: SecureLink[] }>(documentPaths.secureLinks(document.id));
  const [links, setLinks] = useState<SecureLink[] | null>(null);
  const [flash, setFlash] = useFlash();

  useEffect(() => {
    if (loaded.data) setLinks(loaded.data.items);
  }, [loaded.data]);

  const replace = (link: SecureLink) =>
    setLinks((current) => current?.map((item) => (item.id === link.id ? link : item)) ?? [link]);

  return (
    <Dialog
      title={t('secure.title', { title: document.title })}
      open
      onClose={onClose}
      closeLabel={t('common.close')}
      wide
    >
      <SecureSendForm
        documentId={document.id}
        phone={recipient.phone}
        email={recipient.email}
        recipientName={recipient.name}
        onSent={(link) => {
          setLinks((current) => [link, ...(current ?? []).filter((item) => item.id !== link.id)]);
          setFlash(t('secure.sent', { phone: link.maskedPhone }));
        }}
      />
      <Flash message={flash} />
      <section className="doc-links-section" aria-labelledby="doc-links-title">
        <div className="doc-links-section__head">
          <h3 id="doc-links-title">{t('secure.links')}</h3>
          <Button variant="secondary" onClick={() => void loaded.reload()}>
            {t('documents.refresh')}
          </Button>
        </div>
        {links ? (
          <SecureLinkList
            links={links}
            timeZone={timeZone}
            onRevoked={(link) => {
              replace(link);
              setFlash(t('secure.revoked'));
            }}
          />
        ) : (
          <ResourceState error={loaded.error} onRetry={() => void loaded.reload()} />
        )}
      </section>
    </Dialog>
  );
}
