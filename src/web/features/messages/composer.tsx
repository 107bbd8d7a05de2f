import { useState, type FormEvent, type ReactNode } from 'react';
import { MESSAGE_BODY_MAX } from '#shared/schemas/messages.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import styles from './messages.module.css';

const FIELDS = ['body', 'partnerId'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A message box with its send button. What it sends to is settled by the caller (`send`); extra
 * fields such as the therapist's choice of thread come in as `children`, above the text.
 */
export function Composer({
  id,
  label,
  send,
  children,
}: {
  id: string;
  label: string;
  send: (body: string) => Promise<unknown>;
  children?: ReactNode;
}) {
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<Field>();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const left = MESSAGE_BODY_MAX - text.length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (text.trim() === '') {
      show({ body: t('messages.composer.empty') });
      return;
    }
    if (left < 0) {
      show({ body: t('forms.field.over', { count: (-left).toLocaleString() }) });
      return;
    }
    setSending(true);
    try {
      await send(text);
      clear();
      setText('');
      announce(t('messages.composer.sent'));
    } catch (error) {
      if (isApiError(error)) show(pickKnownFields(error.fields, FIELDS), error.message);
      else show({}, String(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className={styles.composer} onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={FIELDS.filter((f) => errors.fields[f]).map((f) => ({
          fieldId: f === 'body' ? id : `${id}-to`,
          message: errors.fields[f]!,
        }))}
      />
      {children}
      <TextAreaField
        id={id}
        label={label}
        hint={t('messages.composer.hint')}
        max={MESSAGE_BODY_MAX}
        count="always"
        rows={4}
        value={text}
        onValueChange={setText}
        error={errors.fields.body}
      />
      <p>
        <Button type="submit" disabled={sending}>
          {sending ? t('messages.composer.sending') : t('messages.composer.send')}
        </Button>
      </p>
    </form>
  );
}
