import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  FORGIVENESS_PROMPTS,
  FORGIVENESS_TEXT_MAX,
  ZForgivenessBody,
  ZForgivenessReflection,
  type ForgivenessPrompt,
  type TForgivenessBody,
  type TForgivenessReflection,
  type TForgivenessShare,
  type TForgivenessView,
} from '#shared/schemas/forgiveness.ts';
import { useDraft, type Saved } from '#web/core/use-draft.ts';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import { DraftSaveState } from '#web/ui/draft-save-state.tsx';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  formatDateTime,
  LoadError,
  Loading,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useForgiveness, useSaveReflection, useShare, useUnshare } from './api';
import styles from './forgiveness.module.css';

const LABEL: Record<ForgivenessPrompt, `forgiveness.prompt.${ForgivenessPrompt}`> = {
  whereIAm: 'forgiveness.prompt.whereIAm',
  wouldMean: 'forgiveness.prompt.wouldMean',
  wouldNotMean: 'forgiveness.prompt.wouldNotMean',
  whatINeed: 'forgiveness.prompt.whatINeed',
  toShare: 'forgiveness.prompt.toShare',
};
const HINT: Record<ForgivenessPrompt, `forgiveness.prompt.${ForgivenessPrompt}.hint`> = {
  whereIAm: 'forgiveness.prompt.whereIAm.hint',
  wouldMean: 'forgiveness.prompt.wouldMean.hint',
  wouldNotMean: 'forgiveness.prompt.wouldNotMean.hint',
  whatINeed: 'forgiveness.prompt.whatINeed.hint',
  toShare: 'forgiveness.prompt.toShare.hint',
};
const PRIVATE_PROMPTS = FORGIVENESS_PROMPTS.filter((p) => p !== 'toShare');

/**
 * /forgiveness: for the partner who was hurt, a private, guided reflection — never a score or a
 * status anyone else can see — and, only if they choose, a written piece to share. The other
 * partner sees nothing here but what was shared.
 */
export function ForgivenessPage() {
  const view = useForgiveness();
  const space = useSpace();
  const partnerName = space.data?.space?.partner?.displayName ?? null;
  const forMe = view.data?.forMe ?? false;

  return (
    <Page
      title={t('forgiveness.title')}
      heading={t('forgiveness.heading')}
      lead={forMe ? t('forgiveness.lead') : t('forgiveness.leadPartner')}
    >
      {view.isPending || space.isPending ? (
        <Loading label={t('forgiveness.loading')} />
      ) : view.isError ? (
        <LoadError message={view.error.message} onRetry={() => void view.refetch()} />
      ) : (
        <div className={styles.layout}>
          <details className={styles.about} open={forMe && view.data.reflection.version === 0}>
            <summary>{t('forgiveness.about.heading')}</summary>
            <p>{t('forgiveness.about.p1')}</p>
            <p>{t('forgiveness.about.p2')}</p>
            <p>{t('forgiveness.about.p3')}</p>
          </details>
          {forMe && <Reflection view={view.data} partnerName={partnerName} />}
          {forMe && view.data.mine.length > 0 && (
            <MyShares shares={view.data.mine} partnerName={partnerName} />
          )}
          {!forMe && <FromPartner shares={view.data.fromPartner} partnerName={partnerName} />}
        </div>
      )}
    </Page>
  );
}

function savedOf(reflection: TForgivenessReflection): Saved<TForgivenessBody> {
  const { version, savedAt, ...values } = reflection;
  return { values, version, savedAt: savedAt ?? '' };
}

function Reflection({ view, partnerName }: { view: TForgivenessView; partnerName: string | null }) {
  const save = useSaveReflection();
  const announce = useAnnounce();
  const draft = useDraft<TForgivenessBody>({
    saved: savedOf(view.reflection),
    save: async (values, version) => savedOf(await save.mutateAsync({ version, body: values })),
    readCurrent: (current) => {
      const parsed = ZForgivenessReflection.safeParse(current);
      return parsed.success ? savedOf(parsed.data) : null;
    },
    isValid: (values) => ZForgivenessBody.safeParse(values).success,
    autosave: true,
  });
  const labels = Object.fromEntries(FORGIVENESS_PROMPTS.map((p) => [p, t(LABEL[p])]));
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await draft.save()) announce(t('forgiveness.savedNow'));
  };
  const field = (prompt: ForgivenessPrompt) => (
    <TextAreaField
      key={prompt}
      id={`forgiveness-${prompt}`}
      label={t(LABEL[prompt])}
      hint={t(HINT[prompt])}
      max={FORGIVENESS_TEXT_MAX}
      count="near"
      rows={5}
      value={draft.values[prompt]}
      onValueChange={(value) => draft.setValues({ ...draft.values, [prompt]: value })}
    />
  );
  const state =
    draft.status === 'saving'
      ? t('forgiveness.saving')
      : draft.dirty || draft.version() === 0
        ? t('forgiveness.saveState.unsaved')
        : t('forgiveness.saveState.saved', { when: formatDateTime(draft.savedAt) });

  return (
    <>
      <Panel heading={t('forgiveness.private.heading')}>
        <p>{t('forgiveness.private.intro')}</p>
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          {PRIVATE_PROMPTS.map(field)}
          <DraftSaveState
            draft={draft}
            labels={labels}
            state={state}
            conflictBody={t('forgiveness.conflict.body')}
          />
          <div className={buttonRowClass}>
            <Button type="submit" variant="secondary" pending={draft.status === 'saving'}>
              {draft.status === 'saving' ? t('forgiveness.saving') : t('forgiveness.save')}
            </Button>
          </div>
        </form>
      </Panel>
      <Panel heading={t('forgiveness.share.heading')}>
        <p>{t('forgiveness.share.intro')}</p>
        {field('toShare')}
        <ShareBox
          view={view}
          partnerName={partnerName}
          text={draft.values.toShare}
          flush={draft.flush}
        />
      </Panel>
    </>
  );
}

function ShareBox({
  view,
  partnerName,
  text,
  flush,
}: {
  view: TForgivenessView;
  partnerName: string | null;
  text: string;
  flush: () => Promise<boolean>;
}) {
  const share = useShare();
  const announce = useAnnounce();
  const [asking, setAsking] = useState(false);
  if (!partnerName) return <p className={styles.quiet}>{t('forgiveness.share.noPartner')}</p>;
  if (!view.sharingOpen) {
    return (
      <>
        <JointWorkPausedOrPace />
      </>
    );
  }
  const confirm = async () => {
    await flush();
    share.mutate(text, {
      onSuccess: () => {
        setAsking(false);
        announce(t('forgiveness.share.done', { name: partnerName }));
      },
    });
  };
  return (
    <>
      {text.trim() === '' ? (
        <p className={styles.quiet}>{t('forgiveness.share.writeFirst')}</p>
      ) : (
        <div className={buttonRowClass}>
          <Button variant="secondary" onClick={() => setAsking(true)}>
            {t('forgiveness.share.start', { name: partnerName })}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        onClose={() => {
          setAsking(false);
          share.reset();
        }}
        onConfirm={() => void confirm()}
        heading={t('forgiveness.share.confirmHeading', { name: partnerName })}
        confirmLabel={t('forgiveness.share.confirm')}
        pendingLabel={t('forgiveness.share.sharing')}
        cancelLabel={t('forgiveness.share.cancel')}
        pending={share.isPending}
        error={share.error?.message}
      >
        <p>{t('forgiveness.share.confirmBody', { name: partnerName })}</p>
      </ConfirmDialog>
    </>
  );
}

/** Why sharing is not offered now, in words that never say whose choice it was. */
function JointWorkPausedOrPace() {
  return (
    <>
      <p className={styles.quiet}>{t('forgiveness.share.notNow')}</p>
      <p>
        <Link to="/program">{t('forgiveness.share.toProgram')}</Link>
      </p>
    </>
  );
}

function MyShares({
  shares,
  partnerName,
}: {
  shares: TForgivenessShare[];
  partnerName: string | null;
}) {
  const unshare = useUnshare();
  const announce = useAnnounce();
  return (
    <Panel heading={t('forgiveness.mine.heading')}>
      <ul className={styles.shares}>
        {shares.map((share) => (
          <li key={share.id} className={styles.share}>
            <p className={styles.meta}>
              {share.sharedAt
                ? t('forgiveness.mine.sharedAt', {
                    name: partnerName ?? t('forgiveness.yourPartner'),
                    when: formatDateTime(share.sharedAt),
                  })
                : t('forgiveness.mine.takenBack', { when: formatDateTime(share.writtenAt) })}
            </p>
            <p className={styles.text}>{share.body}</p>
            {share.sharedAt && (
              <Button
                variant="quiet"
                pending={unshare.isPending && unshare.variables === share.id}
                onClick={() =>
                  unshare.mutate(share.id, {
                    onSuccess: () => announce(t('forgiveness.mine.takenBackDone')),
                  })
                }
              >
                {t('forgiveness.mine.takeBack')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {unshare.isError && (
        <p className={styles.problem} role="alert">
          {unshare.error.message}
        </p>
      )}
    </Panel>
  );
}

function FromPartner({
  shares,
  partnerName,
}: {
  shares: TForgivenessShare[];
  partnerName: string | null;
}) {
  const name = partnerName ?? t('forgiveness.yourPartner');
  return (
    <Panel heading={t('forgiveness.partner.heading', { name })}>
      {shares.length === 0 ? (
        <p>{t('forgiveness.partner.none', { name })}</p>
      ) : (
        <>
          <p>{t('forgiveness.partner.intro', { name })}</p>
          <ul className={styles.shares}>
            {shares.map((share) => (
              <li key={share.id} className={styles.share}>
                <p className={styles.meta}>
                  {t('forgiveness.partner.sharedAt', {
                    when: formatDateTime(share.sharedAt ?? share.writtenAt),
                  })}
                </p>
                <p className={styles.text}>{share.body}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
