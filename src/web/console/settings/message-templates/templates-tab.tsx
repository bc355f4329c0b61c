import { useState } from 'react';
import type { MessageTemplate, MessageTemplateList } from '../../../../contracts/messaging';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { messagePaths } from '../../messages/messages-api';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Flash, useFlash } from '../common/flash';
import { ResourceState } from '../common/resource-state';
import { useResource } from '../common/use-resource';
import { TemplateDialog } from './template-dialog';
import '../../messages/messages.css';

/** Settings › Réponses types (admin, MSG-2): predefined replies with an optional attachment. */
export function TemplatesTab() {
  const { t } = useI18n();
  const templates = useResource<MessageTemplateList>(messagePaths.templates);
  const [editing, setEditing] = useState<MessageTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MessageTemplate | null>(null);
  const [flash, setFlash] = useFlash();
  const items = templates.data?.items ?? [];

  return (
    <section aria-labelledby="settings-templates-title">
      <h2 id="settings-templates-title">{t('templates.title')}</h2>
      <p className="muted">{t('templates.intro')}</p>
      <Flash message={flash} />
      {!templates.data ? (
        <ResourceState error={templates.error} onRetry={() => void templates.reload()} />
      ) : (
        <>
          <div className="settings-toolbar">
            <Button onClick={() => setEditing('new')}>{t('templates.add')}</Button>
          </div>
          {items.length === 0 ? <p className="settings-empty">{t('templates.empty')}</p> : null}
          <ul className="settings-cards">
            {items.map((template) => (
              <li key={template.id} className="card settings-card">
                <h3>{template.title}</h3>
                <p className="templates__body">{template.body}</p>
                {template.attachment ? (
                  <p>
                    <a href={messagePaths.templateAttachment(template)} target="_blank" rel="noreferrer">
                      {t('templates.current', { name: template.attachment.name })}
                    </a>
                  </p>
                ) : null}
                <div className="settings-row-actions">
                  <Button
                    variant="secondary"
                    aria-label={t('templates.editNamed', { title: template.title })}
                    onClick={() => setEditing(template)}
                  >
                    {t('settings.edit')}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('templates.deleteNamed', { title: template.title })}
                    onClick={() => setDeleting(template)}
                  >
                    {t('templates.delete')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing ? (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setFlash(t('templates.saved', { title: saved.title }));
            void templates.reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('templates.deleteTitle')}
          confirmLabel={t('templates.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.delete(messagePaths.template(deleting.id));
            setDeleting(null);
            setFlash(t('templates.deleted', { title: deleting.title }));
            await templates.reload();
          }}
        >
          <p>{t('templates.deleteBody', { title: deleting.title })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
