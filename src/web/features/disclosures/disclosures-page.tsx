import { useState } from 'react';
import { Link } from 'react-router';
import { DISCLOSURE_TEXT_MAX, type TWrittenDisclosure } from '#shared/schemas/disclosures.ts';
import { useSpace } from '#web/core/space.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  savedDraftOf,
  useDiscardDraft,
  useDisclosure,
  useDisclosures,
  useOpenDisclosure,
  useRefreshOnDisclosuresNews,
  useSaveDraft,
  useSealDisclosure,
  useStartDisclosure,
} from './api';
import styles from './disclosures.module.css';

/**
 * /disclosures: the involved partner writes what they must tell as a private draft and seals it;
 * the hurt partner sees only that something waits, and opens it when they are ready, after a
 * moment to prepare. Both see when it was opened. Decision 0060.
 */
export function DisclosuresPage() {
  const overview = useDisclosures();
  useRefreshOnDisclosuresNews();
  const space = useSpace();
  const partnerName = space.data?.space?.partner?.displayName ?? null;
  return (
    <Page
      title={t('disclosures.title')}
      heading={t('disclosures.heading')}
      lead={t('disclosures.lead')}
    >
      {overview.isPending || space.isPending ? (
        <Loading label={t('disclosures.loading')} />
      ) : overview.isError ? (
        <LoadError message={overview.error.message} onRetry={() => void overview.refetch()} />
      ) : (
        <div className={styles.layout}>
          {!overview.data.jointWorkOpen && <JointWorkPaused />}
          {overview.data.forMe.length > 0 && (
            <Panel heading={t('disclosures.forMe.heading')} id="for-me">
              <ul className={styles.list}>
                {overview.data.forMe.map((d) => (
                  <li key={d.id}>
                    <Received
                      id={d.id}
                      sealedAt={d.sealedAt}
                      openedAt={d.openedAt}
                      partnerName={partnerName ?? t('disclosures.yourPartner')}
                      jointWorkOpen={overview.data.jointWorkOpen}
                    />
                  </li>
                ))}
              </ul>
            </Panel>
          )}
          {overview.data.canWrite || overview.data.mine.length > 0 ? (
            <Writer
              mine={overview.data.mine}
              canWrite={overview.data.canWrite}
              partnerName={partnerName}
              jointWorkOpen={overview.data.jointWorkOpen}
            />
          ) : (
            overview.data.forMe.length === 0 && (
              <Panel heading={t('disclosures.none.heading')} quiet>
                <p>{t('disclosures.none.body')}</p>
                <p>
                  <Link to="/injuries">{t('disclosures.none.injuries')}</Link>
                </p>
              </Panel>
            )
          )}
          <details className={styles.about}>
            <summary>{t('disclosures.about.heading')}</summary>
            <p>{t('disclosures.about.one')}</p>
            <p>{t('disclosures.about.two')}</p>
            <p>{t('disclosures.about.three')}</p>
          </details>
        </div>
      )}
    </Page>
  );
}

/* ---------- The one who was told ---------- */

function Received({
  id,
  sealedAt,
  openedAt,
  partnerName,
  jointWorkOpen,
}: {
  id: string;
  sealedAt: string;
  openedAt: string | null;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const [preparing, setPreparing] = useState(false);
  const open = useOpenDisclosure();
  const one = useDisclosure(id, openedAt !== null);
  const announce = useAnnounce();
  const body = one.data?.view === 'reader' ? one.data.body : null;

  return (
    <article className={styles.card} aria-labelledby={`received-${id}`}>
      <h3 id={`received-${id}`} className={styles.cardHeading}>
        {t('disclosures.forMe.from', { name: partnerName, date: formatDateTime(sealedAt) })}
      </h3>
      {openedAt === null ? (
        <>
          <p>{t('disclosures.forMe.waiting')}</p>
          {!preparing ? (
            <div className={buttonRowClass}>
              <Button
                variant="secondary"
                onClick={() => setPreparing(true)}
                disabled={!jointWorkOpen}
              >
                {t('disclosures.forMe.prepare')}
              </Button>
            </div>
          ) : (
            <section className={styles.prepare} aria-labelledby={`prepare-${id}`}>
              <h4 id={`prepare-${id}`}>{t('disclosures.prepare.heading')}</h4>
              <ul>
                <li>{t('disclosures.prepare.time')}</li>
                <li>{t('disclosures.prepare.body')}</li>
                <li>{t('disclosures.prepare.pause')}</li>
                <li>{t('disclosures.prepare.after')}</li>
              </ul>
              {open.error && (
                <Notice tone="problem" role="alert">
                  <p>{open.error.message}</p>
                </Notice>
              )}
              <div className={buttonRowClass}>
                <Button
                  pending={open.isPending}
                  onClick={() =>
                    open.mutate(id, {
                      onSuccess: () => announce(t('disclosures.forMe.openedNow')),
                    })
                  }
                >
                  {t('disclosures.prepare.ready')}
                </Button>
                <Button variant="quiet" onClick={() => setPreparing(false)}>
                  {t('disclosures.prepare.notNow')}
                </Button>
              </div>
            </section>
          )}
        </>
      ) : (
        <>
          <p className={styles.meta}>
            {t('disclosures.openedOn', { date: formatDateTime(openedAt) })}
          </p>
          {one.isPending ? (
            <Loading label={t('disclosures.loadingOne')} />
          ) : one.isError ? (
            <LoadError message={one.error.message} onRetry={() => void one.refetch()} />
          ) : (
            <p className={styles.text}>{body}</p>
          )}
          <CommentsSection kind="disclosure" itemId={id} audience="partner" headingLevel={4} />
        </>
      )}
    </article>
  );
}

/* ---------- The one who tells ---------- */

function Writer({
  mine,
  canWrite,
  partnerName,
  jointWorkOpen,
}: {
  mine: TWrittenDisclosure[];
  canWrite: boolean;
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  const start = useStartDisclosure();
  const announce = useAnnounce();
  const drafts = mine.filter((d) => d.state === 'draft');
  const sealed = mine.filter((d) => d.state !== 'draft');
  return (
    <>
      <Panel heading={t('disclosures.write.heading')} id="write">
        <p>{t('disclosures.write.intro')}</p>
        {!partnerName && (
          <Notice>
            <p>{t('disclosures.write.noPartner')}</p>
          </Notice>
        )}
        {drafts.map((d) => (
          <Draft key={d.id} draft={d} partnerName={partnerName} jointWorkOpen={jointWorkOpen} />
        ))}
        {canWrite && (
          <>
            {start.error && (
              <Notice tone="problem" role="alert">
                <p>{start.error.message}</p>
              </Notice>
            )}
            <div className={buttonRowClass}>
              <Button
                variant={drafts.length > 0 ? 'secondary' : 'primary'}
                pending={start.isPending}
                onClick={() =>
                  start.mutate(undefined, {
                    onSuccess: () => announce(t('disclosures.write.started')),
                  })
                }
              >
                {drafts.length > 0 ? t('disclosures.write.another') : t('disclosures.write.start')}
              </Button>
            </div>
          </>
        )}
      </Panel>
      {sealed.length > 0 && (
        <Panel heading={t('disclosures.sealed.heading')} id="sealed">
          <ul className={styles.list}>
            {sealed.map((d) => (
              <li key={d.id}>
                <article className={styles.card} aria-labelledby={`sealed-${d.id}`}>
                  <h3 id={`sealed-${d.id}`} className={styles.cardHeading}>
                    {t('disclosures.sealed.on', { date: formatDateTime(d.sealedAt!) })}
                  </h3>
                  <p className={styles.meta}>
                    {d.openedAt
                      ? t('disclosures.openedOn', { date: formatDateTime(d.openedAt) })
                      : t('disclosures.sealed.notOpened', {
                          name: partnerName ?? t('disclosures.yourPartner'),
                        })}
                  </p>
                  <p className={styles.text}>{d.body}</p>
                  {d.openedAt && (
                    <CommentsSection
                      kind="disclosure"
                      itemId={d.id}
                      audience="partner"
                      headingLevel={4}
                    />
                  )}
                </article>
              </li>
            ))}
          </ul>
        </Panel>
      )}
    </>
  );
}

function Draft({
  draft,
  partnerName,
  jointWorkOpen,
}: {
  draft: TWrittenDisclosure;
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  const [words, setWords] = useState(draft.body);
  const [base, setBase] = useState(draft.version);
  const [conflict, setConflict] = useState<TWrittenDisclosure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<'seal' | 'discard' | null>(null);
  const save = useSaveDraft();
  const seal = useSealDisclosure();
  const discard = useDiscardDraft();
  const announce = useAnnounce();
  const fieldId = `draft-${draft.id}`;
  const unsaved = words !== draft.body || base !== draft.version;

  const saveWords = (version: number, onSaved?: (version: number) => void) => {
    setProblem(null);
    save.mutate(
      { id: draft.id, version, body: words },
      {
        onSuccess: (saved) => {
          setBase(saved.version);
          setConflict(null);
          announce(t('disclosures.draft.saved'));
          onSaved?.(saved.version);
        },
        onError: (error) => {
          const current = savedDraftOf(error);
          if (current) {
            // Keep every word typed; build on the version saved now.
            setConflict(current);
            setBase(current.version);
            return;
          }
          setProblem(isApiError(error) ? (error.fields.body ?? error.message) : null);
        },
      },
    );
  };

  return (
    <article className={styles.draft} aria-labelledby={`${fieldId}-heading`}>
      <h3 id={`${fieldId}-heading`} className={styles.cardHeading}>
        {t('disclosures.draft.heading', { date: formatDateTime(draft.createdAt) })}
      </h3>
      {conflict && (
        <ConflictPanel
          body={t('disclosures.draft.conflict')}
          parts={[
            { key: 'body', label: t('disclosures.draft.label'), mine: words, saved: conflict.body },
          ]}
          onKeepMine={() => saveWords(conflict.version)}
          onTakeSaved={() => {
            setWords(conflict.body);
            setConflict(null);
          }}
          pending={save.isPending}
        />
      )}
      <TextAreaField
        id={fieldId}
        label={t('disclosures.draft.label')}
        hint={t('disclosures.draft.hint')}
        value={words}
        onValueChange={setWords}
        max={DISCLOSURE_TEXT_MAX}
        error={problem ?? undefined}
        rows={8}
      />
      <p className={styles.meta}>
        {unsaved
          ? t('disclosures.draft.unsaved')
          : t('disclosures.draft.savedAt', { date: formatDateTime(draft.savedAt) })}
      </p>
      <div className={buttonRowClass}>
        <Button variant="secondary" pending={save.isPending} onClick={() => saveWords(base)}>
          {t('disclosures.draft.save')}
        </Button>
        <Button
          onClick={() => setAsking('seal')}
          disabled={!jointWorkOpen || !partnerName || words.trim() === ''}
        >
          {t('disclosures.draft.seal')}
        </Button>
        <Button variant="quiet" onClick={() => setAsking('discard')}>
          {t('disclosures.draft.discard')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking === 'seal'}
        onClose={() => setAsking(null)}
        heading={t('disclosures.seal.heading', { name: partnerName ?? '' })}
        confirmLabel={t('disclosures.seal.confirm')}
        pendingLabel={t('disclosures.seal.pending')}
        cancelLabel={t('disclosures.seal.cancel')}
        pending={seal.isPending || save.isPending}
        error={seal.error?.message}
        onConfirm={() => {
          const sealIt = (version: number) =>
            seal.mutate(
              { id: draft.id, version },
              {
                onSuccess: () => {
                  setAsking(null);
                  announce(t('disclosures.seal.done', { name: partnerName ?? '' }));
                },
              },
            );
          // What is sealed is what is on screen: save unsaved words first.
          if (unsaved) saveWords(base, sealIt);
          else sealIt(base);
        }}
      >
        <p>{t('disclosures.seal.body')}</p>
        <p>{t('disclosures.seal.partner', { name: partnerName ?? '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'discard'}
        onClose={() => setAsking(null)}
        heading={t('disclosures.discard.heading')}
        confirmLabel={t('disclosures.discard.confirm')}
        pendingLabel={t('disclosures.discard.pending')}
        cancelLabel={t('disclosures.discard.cancel')}
        pending={discard.isPending}
        error={discard.error?.message}
        onConfirm={() =>
          discard.mutate(draft.id, {
            onSuccess: () => {
              setAsking(null);
              announce(t('disclosures.discard.done'));
            },
          })
        }
      >
        <p>{t('disclosures.discard.body')}</p>
      </ConfirmDialog>
    </article>
  );
}
