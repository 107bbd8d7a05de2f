import { useState } from 'react';
import { useParams } from 'react-router';
import type { TTherapistConversation } from '#shared/schemas/messages.ts';
import { t } from '#web/i18n/index.ts';
import { cx, LoadError, Loading, Page } from '#web/ui/index.ts';
import { useCoupleConversation, useSendMessage } from './api';
import { Composer } from './composer';
import { ThreadSection } from './messages-page';
import styles from './messages.module.css';
import { Thread } from './thread';

/** The therapist's page for one couple: their conversation of three, and each private one. */
export function CoupleMessagesPage() {
  const { linkId = '' } = useParams();
  const conversation = useCoupleConversation(linkId);
  const names = conversation.data?.partners.map((p) => p.name) ?? [];
  const heading =
    names.length === 2
      ? t('messages.couple.pageHeading', {
          names: t('messages.names', { first: names[0]!, second: names[1]! }),
        })
      : names.length === 1
        ? t('messages.couple.pageHeading', { names: names[0]! })
        : t('messages.couple.title');
  return (
    <Page title={t('messages.couple.title')} heading={heading} lead={t('messages.couple.lead')}>
      {conversation.isPending && <Loading label={t('messages.couple.loading')} />}
      {conversation.isError && (
        <LoadError
          message={conversation.error.message}
          onRetry={() => void conversation.refetch()}
        />
      )}
      {conversation.data && <CoupleThreads conversation={conversation.data} />}
    </Page>
  );
}

function CoupleThreads({ conversation }: { conversation: TTherapistConversation }) {
  const { linkId } = conversation;
  const send = useSendMessage('therapist', linkId);
  // 'couple', or the id of the partner a private message is for.
  const [to, setTo] = useState<string>('couple');
  const partner = conversation.partners.find((p) => p.id === to);
  const audience = partner
    ? t('messages.therapist.audiencePartner', { partner: partner.name })
    : t('messages.therapist.audienceCouple');
  const choices = [
    { value: 'couple', label: t('messages.therapist.toCouple') },
    ...conversation.partners.map((p) => ({
      value: p.id,
      label: t('messages.therapist.toPartner', { partner: p.name }),
    })),
  ];
  return (
    <>
      <ThreadSection
        level={2}
        heading={t('messages.therapist.coupleHeading')}
        who={t('messages.therapist.coupleWho')}
        idBase={`${linkId}-couple`}
      >
        <Thread
          view={conversation.couple}
          address={{ linkId, thread: 'couple' }}
          label={t('messages.thread.label', { thread: t('messages.therapist.coupleHeading') })}
        />
      </ThreadSection>
      {conversation.private.map((thread) => {
        const heading = t('messages.therapist.privateHeading', { partner: thread.partnerName });
        return (
          <ThreadSection
            key={thread.partnerId}
            level={2}
            heading={heading}
            who={t('messages.therapist.privateWho', { partner: thread.partnerName })}
            idBase={`${linkId}-${thread.partnerId}`}
          >
            <Thread
              view={thread.thread}
              address={{ linkId, thread: 'private', partnerId: thread.partnerId }}
              label={t('messages.thread.label', { thread: heading })}
            />
          </ThreadSection>
        );
      })}
      <section className={styles.threadSection} aria-labelledby="compose-heading">
        <h2 id="compose-heading">{t('messages.therapist.compose')}</h2>
        <Composer
          id="therapist-message"
          label={t('messages.composer.labelFor', { audience })}
          send={(body) =>
            send.mutateAsync(
              partner
                ? { thread: 'private', partnerId: partner.id, body }
                : { thread: 'couple', body },
            )
          }
        >
          <fieldset className={styles.group} id="therapist-message-to">
            <legend className={styles.label}>{t('messages.therapist.to')}</legend>
            <div className={styles.choices}>
              {choices.map((choice) => (
                <div
                  key={choice.value}
                  className={cx(styles.choice, to === choice.value && styles.choiceOn)}
                >
                  <input
                    id={`therapist-to-${choice.value}`}
                    type="radio"
                    name="therapist-to"
                    value={choice.value}
                    checked={to === choice.value}
                    onChange={() => setTo(choice.value)}
                  />
                  <label htmlFor={`therapist-to-${choice.value}`}>{choice.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </Composer>
      </section>
    </>
  );
}
