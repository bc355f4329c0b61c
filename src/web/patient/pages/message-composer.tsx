import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { Message } from '../../../contracts/messaging';
import { ApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { SelectField } from '../../shared/ui/select-field';
import { TextAreaField } from '../../shared/ui/textarea-field';
import { fileSize } from '../format';
import { useI18n } from '../i18n';
import { acceptedFiles, isFileRefusal, maxFiles, maxLength, sendMessage } from '../messaging/messaging-api';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { firstInvalid, useFocusLater } from '../ui/use-focus-later';

/** A picked file, with a key of its own (the same name may be picked twice). */
interface Chosen {
  key: number;
  file: File;
}

interface Problems {
  author?: string;
  body?: string;
  files?: string;
  other?: unknown;
}

/**
 * What is being written when the family member concerned changes: carried to that member's conversation,
 * where the composer opens with it and the focus back on the choice.
 */
let carried: { body: string; files: Chosen[]; authorId: string } | null = null;

/**
 * Writes to the practice: a text and up to 5 photos or PDFs (the phone offers its camera for "image/*").
 * What the server refuses (type, size, empty file) is said under the file field, which takes the focus.
 * On a family phone, "Ce message concerne" chooses the family member the message is about (issue 9
 * §3.16): each patient has their own conversation, so the choice opens that member's conversation with
 * the text and files kept. "Qui écrit ?" chooses who signs it (the person signed in by default), so
 * Léa writing on her father's phone is not taken for him.
 */
export function MessageComposer({
  patientId,
  onSent,
}: {
  patientId: string;
  onSent: (message: Message) => void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [, navigate] = useLocation();
  const offline = useOfflineReadOnly();
  const [draft] = useState(() => {
    const kept = carried;
    carried = null;
    return kept;
  });
  const [authorId, setAuthorId] = useState(
    () => draft?.authorId ?? me.family.find((member) => member.isSelf)?.id ?? '',
  );
  const [body, setBody] = useState(draft?.body ?? '');
  const [files, setFiles] = useState<Chosen[]>(draft?.files ?? []);
  const nextKey = useRef(Math.max(0, ...(draft?.files ?? []).map((chosen) => chosen.key)));
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const fileId = useId();
  const hintId = `${fileId}-hint`;
  const errorId = `${fileId}-error`;

  useEffect(() => {
    // arrived from another member's conversation with the message being written: back to the choice
    if (draft) form.current?.querySelector('select')?.focus();
  }, [draft]);

  const concern = (memberId: string) => {
    if (memberId === patientId) return;
    carried = { body, files, authorId };
    navigate(`/messagerie/${memberId}`);
  };

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? [], (file) => {
      nextKey.current += 1;
      return { key: nextKey.current, file };
    });
    // the same file may be picked again after being removed
    event.target.value = '';
    const all = [...files, ...picked];
    setSent(false);
    if (all.length > maxFiles) {
      setProblems({ files: t('msg.tooManyFiles', { max: maxFiles }) });
      setFiles(all.slice(0, maxFiles));
      return;
    }
    setProblems((before) => ({ ...before, files: undefined, other: undefined }));
    setFiles(all);
  };

  const remove = (key: number) => {
    setFiles((before) => before.filter((chosen) => chosen.key !== key));
    setProblems((before) => ({ ...before, files: undefined }));
    focusLater(() => fileInput.current);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const text = body.trim();
    if (!text && files.length === 0) {
      setProblems({ body: t('msg.nothingToSend') });
      focusLater(firstInvalid(form));
      return;
    }
    if (text.length > maxLength) {
      setProblems({ body: t('msg.tooLong', { max: maxLength }) });
      focusLater(firstInvalid(form));
      return;
    }
    setBusy(true);
    setProblems({});
    try {
      const message = await sendMessage(patientId, {
        body: text,
        files: files.map((chosen) => chosen.file),
        authorPatientId: authorId || undefined,
      });
      setBody('');
      setFiles([]);
      setSent(true);
      onSent(message);
    } catch (caught) {
      if (isFileRefusal(caught)) {
        setProblems({ files: caught.message });
        focusLater(() => fileInput.current);
      } else if (caught instanceof ApiError && caught.issueFor('authorPatientId')) {
        // the family changed since the app loaded it (an opt-out, a file unlinked)
        setProblems({ author: caught.issueFor('authorPatientId') });
        focusLater(firstInvalid(form));
      } else if (caught instanceof ApiError && caught.issueFor('body')) {
        setProblems({ body: caught.issueFor('body') });
        focusLater(firstInvalid(form));
      } else {
        setProblems({ other: caught });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card home-card" aria-labelledby="composer-title">
      <h2 id="composer-title">{t('msg.composerTitle')}</h2>
      <form ref={form} onSubmit={submit} noValidate className="composer">
        {me.family.length > 1 ? (
          <SelectField
            label={t('msg.concerns')}
            hint={t('msg.concernsHint')}
            value={patientId}
            onChange={concern}
            disabled={busy}
          >
            <FamilyOptions />
          </SelectField>
        ) : null}
        {me.family.length > 1 ? (
          <SelectField
            label={t('msg.author')}
            hint={t('msg.authorHint')}
            value={authorId}
            onChange={(memberId) => {
              setAuthorId(memberId);
              setProblems((before) => ({ ...before, author: undefined }));
            }}
            error={problems.author}
            disabled={busy}
          >
            <FamilyOptions />
          </SelectField>
        ) : null}
        <TextAreaField
          label={t('msg.body')}
          value={body}
          onChange={(value) => {
            setBody(value);
            setSent(false);
          }}
          error={problems.body}
          maxLength={maxLength}
          rows={4}
        />
        <div className={`field${problems.files ? ' field--invalid' : ''}`}>
          <label htmlFor={fileId}>{t('msg.files')}</label>
          <p id={hintId} className="field__hint">
            {t('msg.filesHint', { max: maxFiles })}
          </p>
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept={acceptedFiles}
            multiple
            disabled={busy || files.length >= maxFiles}
            aria-invalid={problems.files ? true : undefined}
            aria-describedby={problems.files ? `${hintId} ${errorId}` : hintId}
            onChange={pick}
          />
          {problems.files ? (
            <p id={errorId} className="field__error">
              {problems.files}
            </p>
          ) : null}
        </div>
        {files.length > 0 ? (
          <ul className="chosen-files" aria-label={t('msg.chosen')}>
            {files.map(({ key, file }) => (
              <li key={key}>
                <span className="chosen-files__name">
                  {t('msg.fileSize', { name: file.name, size: fileSize(file.size, lang) })}
                </span>
                <Button
                  variant="link"
                  aria-label={t('msg.removeFile', { name: file.name })}
                  onClick={() => remove(key)}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <ErrorAlert error={problems.other} withFields />
        <div aria-live="polite">{sent ? <Alert tone="success">{t('msg.sent')}</Alert> : null}</div>
        <Button type="submit" busy={busy} disabled={offline} className="button--block">
          {t('msg.send')}
        </Button>
      </form>
    </section>
  );
}

/** The phone's family as choices, the person signed in marked "(vous)". */
function FamilyOptions() {
  const { t } = useI18n();
  const { me } = useSession();
  return me.family.map((member) => (
    <option key={member.id} value={member.id}>
      {member.firstName} {member.lastName}
      {member.isSelf ? ` (${t('home.you')})` : ''}
    </option>
  ));
}
