import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type {
  TCoupleLink,
  TCreatedTherapistLink,
  TTherapistSummary,
} from '#shared/schemas/therapist.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import {
  useApproveTherapist,
  useCancelTherapistLink,
  useCoupleLinks,
  useCreateTherapistLink,
  useEndTherapistLink,
} from './api';
import styles from './therapist.module.css';
import { isStepUpRequired } from '#web/core/step-up.ts';
import { StepUpForm } from '#web/ui/step-up-form.tsx';

/** The partners' page: how therapist access works, the couple's links, and a new link. */
export function TherapistPage() {
  const links = useCoupleLinks();

  return (
    <Page title={t('therapist.title')} heading={t('therapist.heading')} lead={t('therapist.lead')}>
      <Panel heading={t('therapist.how.heading')}>
        <ul className={styles.how}>
          <li>{t('therapist.how.shared')}</li>
          <li>{t('therapist.how.both')}</li>
          <li>{t('therapist.how.end')}</li>
          <li>{t('therapist.how.notes')}</li>
        </ul>
      </Panel>
      {links.isPending ? (
        <Loading label={t('therapist.loading')} />
      ) : links.isError && links.error.status === 404 ? (
        <Notice>
          <p>
            {t('therapist.noSpace')} <Link to="/home">{t('therapist.noSpace.link')}</Link>
          </p>
        </Notice>
      ) : links.isError ? (
        <LoadError message={links.error.message} onRetry={() => void links.refetch()} />
      ) : (
        <>
          <Panel heading={t('therapist.links.heading')}>
            <LinkList links={links.data.links.filter((l) => l.state !== 'ended')} />
          </Panel>
          <Panel heading={t('therapist.create.heading')}>
            {links.data.links.some((l) => l.state === 'active') ? (
              <p>{t('therapist.create.hasActive')}</p>
            ) : (
              <CreateLink />
            )}
          </Panel>
          <EndedLinks links={links.data.links} />
        </>
      )}
    </Page>
  );
}

function LinkList({ links }: { links: TCoupleLink[] }) {
  if (links.length === 0) return <p>{t('therapist.links.none')}</p>;
  return (
    <ul className={styles.links}>
      {links.map((link) => (
        <li key={link.id} className={styles.link}>
          {link.state === 'invited' && <InvitedLink id={link.id} expiresAt={link.expiresAt} />}
          {link.state === 'awaiting' && (
            <AwaitingLink id={link.id} therapist={link.therapist} approved={link.approved} />
          )}
          {link.state === 'active' && (
            <ActiveLink id={link.id} therapist={link.therapist} since={link.since} />
          )}
        </li>
      ))}
    </ul>
  );
}

function TherapistName({ therapist }: { therapist: TTherapistSummary }) {
  return (
    <>
      <h3 className={styles.name}>
        {t('therapist.practice', { name: therapist.displayName, practice: therapist.practiceName })}
      </h3>
      <p className={therapist.verified ? styles.verified : styles.unverified}>
        {therapist.verified ? t('therapist.verified') : t('therapist.notVerified')}
      </p>
    </>
  );
}

function InvitedLink({ id, expiresAt }: { id: string; expiresAt: string }) {
  const cancel = useCancelTherapistLink();
  const announce = useAnnounce();
  return (
    <>
      <p>{t('therapist.invited.text', { date: formatDate(expiresAt) })}</p>
      {cancel.isError && (
        <Notice tone="problem" role="alert">
          <p>{cancel.error.message}</p>
        </Notice>
      )}
      <Button
        variant="quiet"
        pending={cancel.isPending}
        onClick={() =>
          cancel.mutate(id, { onSuccess: () => announce(t('therapist.invited.cancelled')) })
        }
      >
        {cancel.isPending ? t('therapist.invited.cancelling') : t('therapist.invited.cancel')}
      </Button>
    </>
  );
}

function AwaitingLink({
  id,
  therapist,
  approved,
}: {
  id: string;
  therapist: TTherapistSummary;
  approved: { me: boolean; partner: boolean | null };
}) {
  const approve = useApproveTherapist();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  // Approving is as sensitive as inviting: the server asks the person to confirm it is them
  // (step-up) first; the form for that shows here, and the approval is sent again after it.
  const [steppingUp, setSteppingUp] = useState(false);
  const name = therapist.displayName;

  const onApprove = () => {
    approve.mutate(id, {
      onSuccess: ({ links }) => {
        setConfirming(false);
        setSteppingUp(false);
        const now = links.find((l) => l.id === id);
        announce(
          now?.state === 'active'
            ? t('therapist.nowActive', { name })
            : t('therapist.approved', { name }),
        );
      },
      onError: (error) => {
        if (!isStepUpRequired(error)) return;
        setConfirming(false);
        setSteppingUp(true);
      },
    });
  };
  const approveProblem =
    approve.isError && !isStepUpRequired(approve.error) ? approve.error.message : undefined;

  return (
    <>
      <TherapistName therapist={therapist} />
      <p>{t('therapist.awaiting.text', { name })}</p>
      <ul className={styles.approvals}>
        <li>{approved.me ? t('therapist.awaiting.me.yes') : t('therapist.awaiting.me.no')}</li>
        <li>
          {approved.partner === null
            ? t('therapist.awaiting.partner.none')
            : approved.partner
              ? t('therapist.awaiting.partner.yes')
              : t('therapist.awaiting.partner.no')}
        </li>
      </ul>
      {steppingUp && approveProblem && (
        <Notice tone="problem" role="alert">
          <p>{approveProblem}</p>
        </Notice>
      )}
      {steppingUp && !approved.me && (
        <StepUpForm idPrefix={`therapist-approve-${id}`} onDone={onApprove} />
      )}
      <div className={buttonRowClass}>
        {!approved.me && !steppingUp && (
          <Button onClick={() => setConfirming(true)}>{t('therapist.approve', { name })}</Button>
        )}
        <EndButton id={id} name={name} label={t('therapist.end.decline')} />
      </div>
      {/* Approving lets this person read what each of us shares with them: a second, deliberate
          step that names who, and whether the operator has verified them. */}
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          approve.reset();
        }}
        onConfirm={onApprove}
        heading={t('therapist.approveConfirm.heading', { name })}
        confirmLabel={t('therapist.approveConfirm.confirm', { name })}
        pendingLabel={t('therapist.approving')}
        cancelLabel={t('therapist.approveConfirm.cancel')}
        pending={approve.isPending}
        error={approveProblem}
      >
        <p>
          {t('therapist.practice', { name, practice: therapist.practiceName })}:{' '}
          {therapist.verified ? t('therapist.verified') : t('therapist.notVerified')}
        </p>
        <p>{t('therapist.approveConfirm.body')}</p>
      </ConfirmDialog>
    </>
  );
}

function ActiveLink({
  id,
  therapist,
  since,
}: {
  id: string;
  therapist: TTherapistSummary;
  since: string;
}) {
  return (
    <>
      <TherapistName therapist={therapist} />
      <p>{t('therapist.active.text', { name: therapist.displayName, date: formatDate(since) })}</p>
      <ul className={styles.actions}>
        <li>
          <Link to="/messages">{t('therapist.active.messages')}</Link>
        </li>
        <li>
          <Link to="/access-log">{t('therapist.active.accessLog')}</Link>
        </li>
      </ul>
      <EndButton id={id} name={therapist.displayName} label={t('therapist.end')} />
    </>
  );
}

/** Ending needs a second, deliberate step; the safe choice has the focus. */
function EndButton({ id, name, label }: { id: string; name: string; label: string }) {
  const [open, setOpen] = useState(false);
  const end = useEndTherapistLink();
  const announce = useAnnounce();

  const onConfirm = () => {
    end.mutate(id, {
      onSuccess: () => {
        setOpen(false);
        announce(t('therapist.end.done', { name }));
      },
    });
  };

  return (
    <>
      <Button variant="gentleWarning" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          end.reset();
        }}
        onConfirm={onConfirm}
        heading={t('therapist.end.heading', { name })}
        confirmLabel={t('therapist.end.confirm')}
        pendingLabel={t('therapist.end.pending')}
        cancelLabel={t('therapist.end.cancel')}
        pending={end.isPending}
        error={end.error?.message}
      >
        <p>{t('therapist.end.body')}</p>
      </ConfirmDialog>
    </>
  );
}

function EndedLinks({ links }: { links: TCoupleLink[] }) {
  const ended = links.flatMap((link) => (link.state === 'ended' ? [link] : []));
  if (ended.length === 0) return null;
  return (
    <Panel heading={t('therapist.ended.heading')} quiet>
      <ul className={styles.ended}>
        {ended.map((link) => {
          const params = { name: link.therapist.displayName, date: formatDate(link.endedAt) };
          return (
            <li key={link.id}>
              {link.endedByMe
                ? t('therapist.ended.byMe', params)
                : t('therapist.ended.byOther', params)}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}

type CopyState = 'idle' | 'copied' | 'selected';

/**
 * Making a link. The token is shown once, straight after it is made, and kept only in this
 * component's state; the list afterwards only says a link is waiting and until when.
 */
function CreateLink() {
  const create = useCreateTherapistLink();
  const [fresh, setFresh] = useState<TCreatedTherapistLink | null>(null);
  // Inviting someone into the couple's space is sensitive: the server asks the person to confirm
  // it is them (step-up) first, and the link is made once they have.
  const [confirming, setConfirming] = useState(false);
  const make = () =>
    create.mutate(undefined, {
      onSuccess: (created) => {
        setConfirming(false);
        setFresh(created);
      },
      onError: (error) => setConfirming(isStepUpRequired(error)),
    });

  return (
    <>
      <p>{t('therapist.create.explain')}</p>
      {fresh && <FreshLink link={fresh} />}
      {create.isError && !isStepUpRequired(create.error) && (
        <Notice tone="problem" role="alert">
          <p>{create.error.message}</p>
        </Notice>
      )}
      {!fresh && confirming && <StepUpForm idPrefix="therapist-link" onDone={make} />}
      {!fresh && !confirming && (
        <Button pending={create.isPending} onClick={make}>
          {create.isPending ? t('therapist.creating') : t('therapist.create')}
        </Button>
      )}
    </>
  );
}

function FreshLink({ link }: { link: TCreatedTherapistLink }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  // The token rides in the fragment, which browsers never send to a server.
  const url = `${window.location.origin}/therapist/join#${link.token}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyState('selected');
    }
  };

  return (
    <div className={styles.fresh}>
      <h3>{t('therapist.fresh.heading')}</h3>
      <p>{t('therapist.fresh.once')}</p>
      <label className={styles.label} htmlFor="therapist-link">
        {t('therapist.fresh.label')}
      </label>
      <div className={styles.linkRow}>
        <input
          ref={inputRef}
          id="therapist-link"
          className={styles.linkInput}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby="therapist-link-expiry"
          spellCheck={false}
        />
        <Button onClick={() => void copy()}>{t('therapist.copy')}</Button>
      </div>
      <p id="therapist-link-expiry" className={styles.aside}>
        {t('therapist.fresh.expires', { date: formatDate(link.expiresAt) })}
      </p>
      <p role="status" className={styles.copyStatus}>
        {copyState === 'copied'
          ? t('therapist.copied')
          : copyState === 'selected'
            ? t('therapist.copyFallback')
            : ''}
      </p>
    </div>
  );
}
