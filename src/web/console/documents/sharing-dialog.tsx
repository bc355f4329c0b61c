import { type FormEvent, useState } from 'react';
import type { DocumentSettings, StaffDocument, Visibility } from '../../../contracts/documents';
import { ApiError, api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { Dialog } from '../../shared/ui/dialog';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { FormAlert, shownPaths } from '../settings/common/form-alert';
import { documentPaths } from './documents-api';
import { audiencesOf } from './format';
import { VisibilityFields } from './visibility-fields';

interface SharingDialogProps {
  document: StaffDocument;
  settings: DocumentSettings;
  onSaved: (document: StaffDocument) => void;
  onClose: () => void;
}

const isShown = shownPaths('title');

/** Changes a document's title and who sees it: its type's default, or its own choice (DOC-2). */
export function SharingDialog({ document, settings, onSaved, onClose }: SharingDialogProps) {
  const { t } = useI18n();
  const typeDefault = settings.types[document.type];
  const [title, setTitle] = useState(document.title);
  const [own, setOwn] = useState<Visibility | null>(document.visibilityOverride);
  const [letter, setLetter] = useState(document.letterToProfessional);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await api.patch<StaffDocument>(documentPaths.one(document.id), {
          title,
          visibility: own,
          letterToProfessional: letter,
        }),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const defaultList = audiencesOf(typeDefault)
    .map((audience) => t(`documents.audience.${audience}`))
    .join(', ');
  return (
    <Dialog
      title={t('sharing.title', { title: document.title })}
      open
      onClose={onClose}
      closeLabel={t('common.close')}
    >
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('documents.upload.title')}
          value={title}
          required
          requiredLabel={t('common.required')}
          maxLength={200}
          error={error instanceof ApiError ? error.issueFor('title') : undefined}
          onChange={setTitle}
        />
        {document.type === 'letter' || document.letterToProfessional ? (
          <CheckboxField
            label={t('documents.upload.letterToProfessional')}
            hint={t('documents.upload.letterToProfessionalHint')}
            checked={letter}
            onChange={setLetter}
          />
        ) : null}
        <CheckboxField
          label={t('documents.upload.typeDefault')}
          hint={t('documents.upload.typeDefaultHint', {
            type: t(`documents.type.${document.type}`),
            who: defaultList || t('documents.audience.none'),
          })}
          checked={own === null}
          onChange={(useDefault) => setOwn(useDefault ? null : { ...typeDefault })}
        />
        {own ? (
          <VisibilityFields legend={t('documents.upload.visibility')} value={own} onChange={setOwn} />
        ) : null}
        {settings.shareOnlySigned && !document.requiresSignature ? (
          <p className="alert alert--info">{t('sharing.onlySignedApplies')}</p>
        ) : null}
        <FormAlert error={error} isShown={isShown} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('settings.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('settings.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
