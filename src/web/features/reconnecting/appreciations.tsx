import { useEffect, useState, type FormEvent } from 'react';
import {
  APPRECIATION_MAX,
  ZAppreciationInput,
  type TAppreciation,
} from '#shared/schemas/reconnecting.ts';
import { t } from '#web/i18n/index.ts';
import { Button, buttonRowClass, formatDate, Panel, useAnnounce } from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useMarkSeen, useSendAppreciation, useWithdrawAppreciation } from './api';
import { useChecked } from './parts';
import styles from './reconnecting.module.css';

const FIELDS = ['note'] as const;

function Note({ note, children }: { note: TAppreciation; children?: React.ReactNode }) {
  return (
    <li className={styles.item}>
      <p className={styles.preserve}>{note.note}</p>
      <p className={styles.quiet}>
        {t('reconnecting.thanks.on', { date: formatDate(note.sentAt) })}
      </p>
      {children}
    </li>
  );
}

/**
 * Short notes to the partner. No number appears anywhere: not how many were sent, read or
 * received. The partner's notes are marked seen once they are on screen; until then the sender
 * may take one back (decision 0069).
 */
export function AppreciationsPanel({
  received,
  sent,
  partnerName,
  open,
}: {
  received: TAppreciation[];
  sent: TAppreciation[];
  partnerName: string;
  open: boolean;
}) {
  const [note, setNote] = useState('');
  const send = useSendAppreciation();
  const withdraw = useWithdrawAppreciation();
  const seen = useMarkSeen();
  const announce = useAnnounce();
  const { errors, check, failed, summary } = useChecked(FIELDS, () => 'appreciation-note');
  const receivedKey = received.map((n) => n.id).join(',');
  const markSeen = seen.mutate;

  useEffect(() => {
    if (receivedKey !== '') markSeen();
  }, [receivedKey, markSeen]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    const body = check(ZAppreciationInput, { note });
    if (!body) return;
    send.mutate(body.note, {
      onSuccess: () => {
        setNote('');
        announce(t('reconnecting.thanks.sent', { name: partnerName }));
      },
      onError: failed,
    });
  };

  return (
    <Panel heading={t('reconnecting.thanks.heading')}>
      <p>{t('reconnecting.thanks.intro', { name: partnerName })}</p>
      <h3>{t('reconnecting.thanks.received', { name: partnerName })}</h3>
      {received.length === 0 ? (
        <p className={styles.quiet}>
          {t('reconnecting.thanks.receivedNone', { name: partnerName })}
        </p>
      ) : (
        <ul className={styles.items}>
          {received.map((n) => (
            <Note key={n.id} note={n} />
          ))}
        </ul>
      )}
      {open && (
        <>
          {summary}
          <form className={styles.form} onSubmit={submit} noValidate>
            <TextAreaField
              id="appreciation-note"
              label={t('reconnecting.thanks.field', { name: partnerName })}
              hint={t('reconnecting.thanks.field.hint', { name: partnerName })}
              max={APPRECIATION_MAX}
              rows={3}
              value={note}
              onValueChange={setNote}
              error={errors.fields.note}
            />
            <div className={buttonRowClass}>
              <Button type="submit" pending={send.isPending}>
                {send.isPending ? t('reconnecting.saving') : t('reconnecting.thanks.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      {sent.length > 0 && (
        <>
          <h3>{t('reconnecting.thanks.mine')}</h3>
          <ul className={styles.items}>
            {sent.map((n) => (
              <Note key={n.id} note={n}>
                {n.canWithdraw && (
                  <Button
                    variant="quiet"
                    pending={withdraw.isPending && withdraw.variables === n.id}
                    onClick={() =>
                      withdraw.mutate(n.id, {
                        onSuccess: () =>
                          announce(t('reconnecting.thanks.withdrawn', { name: partnerName })),
                      })
                    }
                  >
                    {t('reconnecting.thanks.withdraw')}
                    <span className="visually-hidden">
                      {' '}
                      {t('reconnecting.thanks.withdrawFor', { date: formatDate(n.sentAt) })}
                    </span>
                  </Button>
                )}
              </Note>
            ))}
          </ul>
          {withdraw.error && <p className={styles.error}>{withdraw.error.message}</p>}
        </>
      )}
    </Panel>
  );
}
