import { useState, type FormEvent } from 'react';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { Link } from 'react-router';
import {
  LETTER_SECTION_MAX,
  LETTER_SECTIONS,
  ZSaveLetterBody,
  ZWriterLetter,
  type LetterSection,
  type TLetterSections,
  type TMyLetterSummary,
  type TOverview,
  type TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Panel,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { useDraft, type Saved } from '#web/core/use-draft.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useLetter, useSaveLetter, useShareLetter, useStartLetter, useUnshareLetter } from './api';
import styles from './impact-letter.module.css';
import { LetterText, SECTION_LABEL, SharedVersions } from './letter-text';
import { ReceivedReflections } from './received-reflections';
import { SaveState } from './save-state';
import { TwoStep } from './two-step';

const HINT = {
  whatHappened: 'impact-letter.section.whatHappened.hint',
  howItAffectedMe: 'impact-letter.section.howItAffectedMe.hint',
  whatINeedNow: 'impact-letter.section.whatINeedNow.hint',
} as const;

const FIELD_ID: Record<LetterSection, string> = {
  whatHappened: 'letter-what-happened',
  howItAffectedMe: 'letter-how-it-affected-me',
  whatINeedNow: 'letter-what-i-need-now',
};

export interface MyLetterProps {
  overview: TOverview;
  partnerName: string | null;
  inSpace: boolean;
}

/** My own letter: write it, keep it private, share it when I choose; and my earlier letters. */
export function MyLetter({ overview, partnerName, inSpace }: MyLetterProps) {
  const current = overview.mine.find((letter) => letter.current);
  const earlier = overview.mine.filter((letter) => !letter.current);
  return (
    <>
      <Panel heading={t('impact-letter.mine.heading')} id="my-letter">
        {!inSpace ? (
          <p>
            {t('impact-letter.mine.noSpace')}{' '}
            <Link to="/home">{t('impact-letter.mine.toHome')}</Link>
          </p>
        ) : current ? (
          <CurrentLetter
            id={current.id}
            partnerName={partnerName}
            jointWorkOpen={overview.jointWorkOpen}
          />
        ) : (
          <StartLetter />
        )}
      </Panel>
      {earlier.length > 0 && <EarlierLetters letters={earlier} partnerName={partnerName} />}
    </>
  );
}

function StartLetter() {
  const start = useStartLetter();
  return (
    <>
      <p>{t('impact-letter.mine.start.body')}</p>
      {start.isError && (
        <Notice tone="problem" role="alert">
          <p>{start.error.message}</p>
        </Notice>
      )}
      <Button pending={start.isPending} onClick={() => start.mutate(null)}>
        {start.isPending ? t('impact-letter.mine.starting') : t('impact-letter.mine.start')}
      </Button>
    </>
  );
}

function CurrentLetter({
  id,
  partnerName,
  jointWorkOpen,
}: {
  id: string;
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  const letter = useLetter(id);
  if (letter.isPending) return <Loading label={t('impact-letter.loadingLetter')} />;
  if (letter.isError) {
    return <LoadError message={letter.error.message} onRetry={() => void letter.refetch()} />;
  }
  if (letter.data.view !== 'writer') return null;
  return (
    <LetterEditor
      key={letter.data.id}
      letter={letter.data}
      partnerName={partnerName}
      jointWorkOpen={jointWorkOpen}
    />
  );
}

function savedOf(letter: TWriterLetter): Saved<TLetterSections> {
  return { values: letter.draft, version: letter.version, savedAt: letter.savedAt };
}

function LetterEditor({
  letter,
  partnerName,
  jointWorkOpen,
}: {
  letter: TWriterLetter;
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  const saveLetter = useSaveLetter();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<LetterSection>();
  const draft = useDraft<TLetterSections>({
    saved: savedOf(letter),
    save: async (values, version) =>
      savedOf(await saveLetter.mutateAsync({ id: letter.id, version, body: values })),
    readCurrent: (current) => {
      const parsed = ZWriterLetter.safeParse(current);
      return parsed.success ? savedOf(parsed.data) : null;
    },
    isValid: (values) => ZSaveLetterBody.safeParse(values).success,
    autosave: true,
  });

  const serverFields = draft.error ? pickKnownFields(draft.error.fields, LETTER_SECTIONS) : {};
  const fieldErrors = { ...serverFields, ...errors.fields };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZSaveLetterBody.safeParse(draft.values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, LETTER_SECTIONS));
      return;
    }
    clear();
    if (await draft.save()) announce(t('impact-letter.saved'));
  };

  return (
    <>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={LETTER_SECTIONS.flatMap((section) => {
          const message = fieldErrors[section];
          return message ? [{ fieldId: FIELD_ID[section], message }] : [];
        })}
      />
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        {LETTER_SECTIONS.map((section) => (
          <TextAreaField
            key={section}
            id={FIELD_ID[section]}
            label={t(SECTION_LABEL[section])}
            hint={t(HINT[section])}
            max={LETTER_SECTION_MAX}
            count="limit"
            rows={8}
            value={draft.values[section]}
            error={fieldErrors[section]}
            onValueChange={(value) => draft.setValues({ ...draft.values, [section]: value })}
          />
        ))}
        <SaveState
          draft={draft}
          labels={Object.fromEntries(LETTER_SECTIONS.map((s) => [s, t(SECTION_LABEL[s])]))}
        />
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={draft.status === 'saving'}>
            {draft.status === 'saving' ? t('impact-letter.saving') : t('impact-letter.save')}
          </Button>
        </div>
      </form>
      <ShareArea
        letter={letter}
        partnerName={partnerName}
        jointWorkOpen={jointWorkOpen}
        unsavedWords={draft.dirty}
        flush={draft.flush}
        adopt={(next) => draft.adopt(savedOf(next))}
        currentVersion={draft.version}
      />
      <SharedVersions
        letterId={letter.id}
        versions={letter.versions}
        summary={t('impact-letter.versions.mine', { count: letter.versions.length })}
        emptyNote={t('impact-letter.section.emptyMine')}
      />
      {partnerName && letter.visibility === 'partner' && letter.versions.length > 0 && (
        <CommentsSection kind="letter" itemId={letter.id} audience="partner" />
      )}
      {partnerName && (letter.visibility === 'partner' || letter.reflections.length > 0) && (
        <ReceivedReflections
          letter={letter}
          partnerName={partnerName}
          jointWorkOpen={jointWorkOpen}
        />
      )}
      {letter.versions.length > 0 && <NewLetter letterId={letter.id} flush={draft.flush} />}
    </>
  );
}

function ShareArea({
  letter,
  partnerName,
  jointWorkOpen,
  unsavedWords,
  flush,
  adopt,
  currentVersion,
}: {
  letter: TWriterLetter;
  partnerName: string | null;
  jointWorkOpen: boolean;
  unsavedWords: boolean;
  flush: () => Promise<boolean>;
  adopt: (letter: TWriterLetter) => void;
  currentVersion: () => number;
}) {
  const share = useShareLetter();
  const unshare = useUnshareLetter();
  const announce = useAnnounce();

  const shared = letter.visibility === 'partner';
  if (!partnerName) {
    // Nobody can read it now; making it private again still stays possible.
    return (
      <div className={styles.shareBox}>
        <p className={styles.shareState}>{t('impact-letter.share.noPartner')}</p>
        {shared && (
          <Button
            variant="quiet"
            pending={unshare.isPending}
            onClick={() => unshare.mutate(letter.id)}
          >
            {t('impact-letter.share.makePrivate')}
          </Button>
        )}
      </div>
    );
  }
  const newWords = letter.hasUnsharedChanges || unsavedWords;

  const doShare = async () => {
    if (!(await flush())) throw new Error(t('impact-letter.share.saveFirst'));
    const result = await share.mutateAsync({ id: letter.id, version: currentVersion() });
    adopt(result);
    announce(t('impact-letter.share.done', { name: partnerName }));
  };

  const makePrivate = () =>
    unshare.mutate(letter.id, {
      onSuccess: (result) => {
        adopt(result);
        announce(t('impact-letter.share.privateAgain'));
      },
    });

  const latest = letter.versions[0];
  return (
    <div className={styles.shareBox}>
      {shared && latest ? (
        <>
          <p className={styles.shareState}>
            {t('impact-letter.share.sharedVersion', {
              name: partnerName,
              date: formatDate(latest.publishedAt),
            })}
          </p>
          {newWords && (
            <p className={styles.quiet}>
              {t('impact-letter.share.unsharedChanges', { name: partnerName })}
            </p>
          )}
        </>
      ) : (
        <p className={styles.shareState}>{t('impact-letter.share.private')}</p>
      )}
      {!jointWorkOpen && (!shared || newWords) && (
        <p className={styles.quiet}>{t('share.paused')}</p>
      )}
      <div className={buttonRowClass}>
        {jointWorkOpen && !shared && (
          <TwoStep
            label={t('impact-letter.share.start', { name: partnerName })}
            heading={t('impact-letter.share.confirmHeading', { name: partnerName })}
            body={t('impact-letter.share.confirmBody', { name: partnerName })}
            confirmLabel={t('impact-letter.share.confirm')}
            pendingLabel={t('impact-letter.share.sharing')}
            onConfirm={doShare}
          />
        )}
        {jointWorkOpen && shared && newWords && (
          <TwoStep
            label={t('impact-letter.share.changes', { name: partnerName })}
            heading={t('impact-letter.share.changesHeading', { name: partnerName })}
            body={t('impact-letter.share.changesBody', { name: partnerName })}
            confirmLabel={t('impact-letter.share.confirm')}
            pendingLabel={t('impact-letter.share.sharing')}
            onConfirm={doShare}
          />
        )}
        {shared && (
          <Button variant="quiet" pending={unshare.isPending} onClick={makePrivate}>
            {unshare.isPending
              ? t('impact-letter.share.makingPrivate')
              : t('impact-letter.share.makePrivate')}
          </Button>
        )}
      </div>
      {unshare.isError && (
        <Notice tone="problem" role="alert">
          <p>{unshare.error.message}</p>
        </Notice>
      )}
    </div>
  );
}

function NewLetter({ letterId, flush }: { letterId: string; flush: () => Promise<boolean> }) {
  const start = useStartLetter();
  const announce = useAnnounce();
  return (
    <div className={styles.newLetter}>
      <TwoStep
        variant="quiet"
        label={t('impact-letter.new.start')}
        heading={t('impact-letter.new.heading')}
        body={t('impact-letter.new.body')}
        confirmLabel={t('impact-letter.new.confirm')}
        pendingLabel={t('impact-letter.mine.starting')}
        cancelLabel={t('impact-letter.new.cancel')}
        onConfirm={async () => {
          if (!(await flush())) throw new Error(t('impact-letter.share.saveFirst'));
          await start.mutateAsync(letterId);
          announce(t('impact-letter.new.done'));
        }}
      />
    </div>
  );
}

function EarlierLetters({
  letters,
  partnerName,
}: {
  letters: TMyLetterSummary[];
  partnerName: string | null;
}) {
  return (
    <Panel heading={t('impact-letter.earlier.heading')} quiet>
      <p className={styles.quiet}>{t('impact-letter.earlier.body')}</p>
      <ul className={styles.plainList}>
        {letters.map((letter) => (
          <li key={letter.id}>
            <EarlierLetter summary={letter} partnerName={partnerName} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function EarlierLetter({
  summary,
  partnerName,
}: {
  summary: TMyLetterSummary;
  partnerName: string | null;
}) {
  const [open, setOpen] = useState(false);
  const status =
    summary.visibility === 'partner' && partnerName
      ? t('impact-letter.earlier.shared', { name: partnerName })
      : t('impact-letter.earlier.private');
  return (
    <details className={styles.details} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {t('impact-letter.earlier.item', { date: formatDate(summary.createdAt) })} · {status}
      </summary>
      {open && <EarlierLetterBody id={summary.id} />}
    </details>
  );
}

function EarlierLetterBody({ id }: { id: string }) {
  const letter = useLetter(id);
  const unshare = useUnshareLetter();
  const announce = useAnnounce();
  if (letter.isPending) return <Loading label={t('impact-letter.loadingLetter')} />;
  if (letter.isError) {
    return <LoadError message={letter.error.message} onRetry={() => void letter.refetch()} />;
  }
  if (letter.data.view !== 'writer') return null;
  return (
    <>
      <LetterText
        sections={letter.data.draft}
        emptyNote={t('impact-letter.section.emptyMine')}
        headingLevel={4}
      />
      {letter.data.visibility === 'partner' && (
        <Button
          variant="quiet"
          pending={unshare.isPending}
          onClick={() =>
            unshare.mutate(id, { onSuccess: () => announce(t('impact-letter.share.privateAgain')) })
          }
        >
          {t('impact-letter.share.makePrivate')}
        </Button>
      )}
    </>
  );
}
