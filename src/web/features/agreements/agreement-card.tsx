import { useRef, useState, type FormEvent } from 'react';
import {
  AGREEMENT_BODY_MAX,
  AGREEMENT_SECTIONS,
  AGREEMENT_TITLE_MAX,
  ZAgreementSections,
  type TAgreement,
  type TAgreementEvent,
  type TAgreementSection,
  type TAgreementSections,
} from '#shared/schemas/agreements.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDateTime,
  formatDay,
  Notice,
  Panel,
  pickKnownFields,
  TextField,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { ConflictPanel, sectionParts } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { AgreementHistory } from './agreement-history';
import { AgreementConflict, useAcceptance, useReviewDate, useSaveAgreement } from './api';
import styles from './agreements.module.css';

const PART_LABEL = {
  title: 'agreements.part.title',
  body: 'agreements.part.body',
} as const;

function statusWords(agreement: TAgreement, partnerName: string | null): string {
  const { acceptance } = agreement;
  if (!agreement.together || !partnerName) return t('agreements.status.alone');
  if (acceptance.both) return t('agreements.status.active');
  if (acceptance.mine) return t('agreements.status.mine', { name: partnerName });
  if (acceptance.partner) return t('agreements.status.partner', { name: partnerName });
  return t('agreements.status.none');
}

function eventWords(event: TAgreementEvent): string {
  const who = event.by.mine ? t('agreements.events.you') : event.by.name;
  const date = formatDateTime(event.at);
  if (event.what === 'review-date') {
    return event.reviewOn
      ? t('agreements.events.review-date', { who, day: formatDay(event.reviewOn), date })
      : t('agreements.events.review-cleared', { who, date });
  }
  return t(`agreements.events.${event.what}`, { who, version: event.version, date });
}

interface Editing {
  draft: TAgreementSections;
  baseVersion: number;
  conflict: TAgreement | null;
}

function Editor({
  agreement,
  editing,
  setEditing,
  onDone,
}: {
  agreement: TAgreement;
  editing: Editing;
  setEditing: (next: Editing) => void;
  onDone: () => void;
}) {
  const save = useSaveAgreement();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<TAgreementSection>();
  const fieldId = (section: TAgreementSection) => `agreement-${agreement.id}-${section}`;
  const { conflict } = editing;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = ZAgreementSections.safeParse(editing.draft);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, AGREEMENT_SECTIONS));
      return;
    }
    clear();
    save.mutate(
      { id: agreement.id, version: editing.baseVersion, sections: parsed.data },
      {
        onSuccess: () => {
          announce(t('agreements.edit.saved'));
          onDone();
        },
        onError: (error) => {
          if (error instanceof AgreementConflict) {
            // Every typed word stays; from now on, build on the version that is there now.
            setEditing({ ...editing, baseVersion: error.current.version, conflict: error.current });
            return;
          }
          const fields = isApiError(error) ? error.fields : {};
          const named = Object.fromEntries(
            Object.entries(fields).map(([key, value]) => [key.replace(/^sections\./, ''), value]),
          );
          show(pickKnownFields(named, AGREEMENT_SECTIONS), error.message);
        },
      },
    );
  };

  const takeSaved = (key: string) => {
    const section = AGREEMENT_SECTIONS.find((name) => name === key);
    if (!conflict || !section) return;
    setEditing({ ...editing, draft: { ...editing.draft, [section]: conflict.sections[section] } });
  };

  return (
    <div className={styles.block}>
      {conflict && (
        <ConflictPanel
          heading={
            conflict.updatedBy.mine
              ? t('agreements.conflict.headingYou')
              : t('agreements.conflict.heading', { name: conflict.updatedBy.name })
          }
          body={t('agreements.conflict.body')}
          parts={sectionParts(
            AGREEMENT_SECTIONS,
            (section) => t(PART_LABEL[section]),
            editing.draft,
            conflict.sections,
          )}
          onUseSaved={takeSaved}
        />
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={AGREEMENT_SECTIONS.flatMap((section) => {
          const message = errors.fields[section];
          return message ? [{ fieldId: fieldId(section), message }] : [];
        })}
      />
      <form
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label={t('agreements.edit.heading')}
      >
        <TextField
          id={fieldId('title')}
          label={t('agreements.field.title')}
          value={editing.draft.title}
          maxLength={AGREEMENT_TITLE_MAX}
          onValueChange={(value) =>
            setEditing({ ...editing, draft: { ...editing.draft, title: value } })
          }
          error={errors.fields.title}
        />
        <TextAreaField
          id={fieldId('body')}
          label={t('agreements.field.body')}
          hint={t('agreements.field.body.hint')}
          max={AGREEMENT_BODY_MAX}
          hardLimit
          rows={6}
          value={editing.draft.body}
          onValueChange={(value) =>
            setEditing({ ...editing, draft: { ...editing.draft, body: value } })
          }
          error={errors.fields.body}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('agreements.edit.saving') : t('agreements.edit.save')}
          </Button>
          <Button variant="quiet" onClick={onDone}>
            {t('agreements.edit.stop')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Acceptance({
  agreement,
  jointWorkOpen,
  partnerName,
}: {
  agreement: TAgreement;
  jointWorkOpen: boolean;
  partnerName: string | null;
}) {
  const acceptance = useAcceptance();
  const announce = useAnnounce();
  const { review } = agreement;
  const change = (accept: boolean) => {
    if (acceptance.isPending) return;
    acceptance.mutate(
      { id: agreement.id, accept, version: agreement.version },
      {
        onSuccess: () => announce(accept ? t('agreements.accepted') : t('agreements.withdrawn')),
      },
    );
  };
  const canAccept = jointWorkOpen && agreement.current && agreement.together;
  return (
    <div className={styles.block}>
      <p className={agreement.active ? styles.active : styles.status}>
        {statusWords(agreement, partnerName)}
      </p>
      {review.due && (
        <Notice>
          <p>{t('agreements.review.due')}</p>
          {review.mineConfirmed && <p>{t('agreements.review.confirmed')}</p>}
          {review.partnerConfirmed && partnerName && (
            <p>{t('agreements.review.partnerConfirmed', { name: partnerName })}</p>
          )}
        </Notice>
      )}
      <p className={styles.quiet}>{t('agreements.accept.note')}</p>
      {acceptance.isError && (
        <p role="alert" className={styles.error}>
          {acceptance.error.message}
        </p>
      )}
      <div className={buttonRowClass}>
        {canAccept && !agreement.acceptance.mine && (
          <Button pending={acceptance.isPending} onClick={() => change(true)}>
            {t('agreements.accept', { version: agreement.version })}
          </Button>
        )}
        {canAccept && agreement.acceptance.mine && review.due && !review.mineConfirmed && (
          <Button pending={acceptance.isPending} onClick={() => change(true)}>
            {t('agreements.review.confirm')}
          </Button>
        )}
        {agreement.acceptance.mine && (
          <Button variant="secondary" pending={acceptance.isPending} onClick={() => change(false)}>
            {t('agreements.withdraw')}
          </Button>
        )}
      </div>
    </div>
  );
}

function ReviewDate({ agreement }: { agreement: TAgreement }) {
  const review = useReviewDate();
  const announce = useAnnounce();
  const [day, setDay] = useState(agreement.review.reviewOn ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const id = `agreement-${agreement.id}-review`;
  const send = (reviewOn: string | null) => {
    if (review.isPending) return;
    if (reviewOn === '') {
      setProblem(t('agreements.review.empty'));
      return;
    }
    setProblem(undefined);
    review.mutate(
      { id: agreement.id, reviewOn },
      {
        onSuccess: () => {
          if (reviewOn === null) setDay('');
          announce(reviewOn ? t('agreements.review.saved') : t('agreements.review.cleared'));
        },
        onError: (error) =>
          setProblem((isApiError(error) ? error.fields.reviewOn : undefined) ?? error.message),
      },
    );
  };
  return (
    <section className={styles.block} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.blockHeading}>
        {t('agreements.review.heading')}
      </h3>
      <p>
        {agreement.review.reviewOn
          ? t('agreements.review.on', { date: formatDay(agreement.review.reviewOn) })
          : t('agreements.review.none')}
      </p>
      <form
        className={styles.reviewForm}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send(day);
        }}
      >
        <TextField
          id={id}
          type="date"
          label={t('agreements.review.field')}
          hint={t('agreements.review.field.hint')}
          value={day}
          onValueChange={setDay}
          error={problem}
        />
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={review.isPending}>
            {t('agreements.review.save')}
          </Button>
          {agreement.review.reviewOn && (
            <Button variant="quiet" onClick={() => send(null)}>
              {t('agreements.review.clear')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

/**
 * One agreement: its words, who accepts this version, a way to propose a change (with the
 * conflict panel when both write at once), its review date, what has happened to it, every
 * version with a word comparison, and comments.
 */
export function AgreementCard({
  agreement,
  jointWorkOpen,
  partnerName,
}: {
  agreement: TAgreement;
  jointWorkOpen: boolean;
  partnerName: string | null;
}) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const canChange = jointWorkOpen && agreement.current;
  const stop = () => {
    setEditing(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const date = formatDateTime(agreement.updatedAt);
  return (
    <Panel heading={agreement.sections.title} id={`agreement-${agreement.id}`}>
      <p className={styles.kindLine}>
        {t(`agreements.kind.${agreement.kind}`)} ·{' '}
        {t('agreements.version', { version: agreement.version })}
      </p>
      {!agreement.current && (
        <Notice>
          <p>{t('agreements.earlier')}</p>
        </Notice>
      )}
      <p className={styles.text}>{agreement.sections.body}</p>
      <p className={styles.quiet}>
        {agreement.updatedBy.mine
          ? t('agreements.changedByYou', { date })
          : t('agreements.changedBy', { name: agreement.updatedBy.name, date })}
      </p>
      {editing ? (
        <Editor agreement={agreement} editing={editing} setEditing={setEditing} onDone={stop} />
      ) : (
        canChange && (
          <p>
            <Button
              ref={editButton}
              variant="secondary"
              onClick={() =>
                setEditing({
                  draft: { ...agreement.sections },
                  baseVersion: agreement.version,
                  conflict: null,
                })
              }
            >
              {t('agreements.edit')}
            </Button>
          </p>
        )
      )}
      <Acceptance agreement={agreement} jointWorkOpen={jointWorkOpen} partnerName={partnerName} />
      {canChange && <ReviewDate agreement={agreement} />}
      {agreement.events.length > 0 && (
        <section className={styles.block} aria-labelledby={`agreement-${agreement.id}-events`}>
          <h3 id={`agreement-${agreement.id}-events`} className={styles.blockHeading}>
            {t('agreements.events.heading')}
          </h3>
          <ul className={styles.events}>
            {agreement.events.map((event) => (
              <li key={`${event.at}-${event.what}-${event.by.name}`}>{eventWords(event)}</li>
            ))}
          </ul>
        </section>
      )}
      <AgreementHistory id={agreement.id} />
      {agreement.together && (
        <CommentsSection kind="agreement" itemId={agreement.id} audience="partner" />
      )}
    </Panel>
  );
}
