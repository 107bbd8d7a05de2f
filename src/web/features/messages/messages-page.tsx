import { useId } from 'react';
import type { TPartnerConversation } from '#shared/schemas/messages.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Notice, Page } from '#web/ui/index.ts';
import { useMyConversations, useSendMessage } from './api';
import { Composer } from './composer';
import styles from './messages.module.css';
import { Thread } from './thread';

/**
 * A partner's messages: for each therapist, the conversation of all three and their own private
 * conversation with the therapist. The other partner's private conversation is never here.
 */
export function MessagesPage() {
  const conversations = useMyConversations();
  // No space (or a therapist's account): there is simply no one to write to from here.
  const nobody =
    conversations.data?.length === 0 ||
    (conversations.isError &&
      isApiError(conversations.error) &&
      conversations.error.status === 404);
  return (
    <Page title={t('messages.title')} heading={t('messages.heading')} lead={t('messages.lead')}>
      {conversations.isPending && <Loading label={t('messages.loading')} />}
      {nobody && (
        <Notice>
          <p>{t('messages.none')}</p>
        </Notice>
      )}
      {conversations.isError && !nobody && (
        <LoadError
          message={conversations.error.message}
          onRetry={() => void conversations.refetch()}
        />
      )}
      {conversations.data?.map((conversation) => (
        <Conversation key={conversation.linkId} conversation={conversation} />
      ))}
    </Page>
  );
}

function Conversation({ conversation }: { conversation: TPartnerConversation }) {
  const headingId = useId();
  const send = useSendMessage('partner', conversation.linkId);
  const therapist = conversation.therapistName;
  const open = conversation.state === 'active';
  const threads = [
    {
      key: 'couple' as const,
      heading: t('messages.couple.heading'),
      who: t('messages.couple.who', { therapist }),
      view: conversation.couple,
      audience: t('messages.audience.couple'),
    },
    {
      key: 'private' as const,
      heading: t('messages.mine.heading', { therapist }),
      who: t('messages.mine.who', { therapist }),
      view: conversation.mine,
      audience: t('messages.audience.mine', { therapist }),
    },
  ];
  return (
    <section className={styles.conversation} aria-labelledby={headingId}>
      <h2 id={headingId}>{therapist}</h2>
      {conversation.practiceName && <p className={styles.practice}>{conversation.practiceName}</p>}
      {conversation.state === 'waiting' && (
        <Notice>
          <p>{t('messages.state.waiting', { therapist })}</p>
        </Notice>
      )}
      {conversation.state === 'ended' && (
        <Notice>
          <p>{t('messages.state.ended', { therapist })}</p>
        </Notice>
      )}
      <div className={styles.threads}>
        {threads.map((thread) => (
          <ThreadSection
            key={thread.key}
            heading={thread.heading}
            who={thread.who}
            idBase={`${conversation.linkId}-${thread.key}`}
          >
            <Thread
              view={thread.view}
              address={{ linkId: conversation.linkId, thread: thread.key }}
              label={t('messages.thread.label', { thread: thread.heading })}
            />
            {open && (
              <Composer
                id={`message-${conversation.linkId}-${thread.key}`}
                label={t('messages.composer.labelFor', { audience: thread.audience })}
                send={(body) => send.mutateAsync({ thread: thread.key, body })}
              />
            )}
          </ThreadSection>
        ))}
      </div>
    </section>
  );
}

/** A thread with its heading and a plain sentence about who reads it. */
export function ThreadSection({
  heading,
  who,
  idBase,
  level = 3,
  children,
}: {
  heading: string;
  who: string;
  idBase: string;
  level?: 2 | 3;
  children: React.ReactNode;
}) {
  const headingId = `thread-${idBase}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={styles.threadSection} aria-labelledby={headingId}>
      <Heading id={headingId}>{heading}</Heading>
      <p className={styles.who}>{who}</p>
      {children}
    </section>
  );
}
