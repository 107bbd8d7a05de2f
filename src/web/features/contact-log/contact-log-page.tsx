import { useState, type FormEvent } from 'react';
import {
  CONTACT_HOW_MAX,
  CONTACT_TEXT_MAX,
  ZContactCorrection,
  ZContactEntry,
  ZNewContactEntry,
  type TContactEntry,
  type TContactKind,
  type TContactWording,
} from '#shared/schemas/contact-log.ts';
import { useSpace } from '#web/core/space.ts';
import { versionConflict } from '#web/core/api-client.ts';
import { plural, t } from '#web/i18n/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  pickKnownFields,
  TextField,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useAddEntry, useContactLog, useCorrectEntry } from './api';
import styles from './contact-log.module.css';

const FIELDS = ['occurredOn', 'how', 'whatWasSaid', 'note'] as const;
type Field = (typeof FIELDS)[number];
type Wording = Record<Field, string>;

/** Today in the person's own time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

const dayText = (day: string) => formatDate(`${day}T12:00:00`);

/**
 * /contact-log: the involved partner says that contact with the affair partner has ended, and
 * tells of any contact since, before being asked; the hurt partner reads every entry and every
 * correction, and may answer in comments.
 */
export function ContactLogPage() {
  const log = useContactLog();
  const space = useSpace();
  const partnerName = space.data?.space?.partner?.displayName ?? null;

  return (
    <Page
      title={t('contact-log.title')}
      heading={t('contact-log.heading')}
      lead={t('contact-log.lead')}
    >
      {log.isPending || space.isPending ? (
        <Loading label={t('contact-log.loading')} />
      ) : log.isError ? (
        <LoadError message={log.error.message} onRetry={() => void log.refetch()} />
      ) : (
        <div className={styles.layout}>
          {!log.data.jointWorkOpen && <JointWorkPaused />}
          <details className={styles.earlier} open={log.data.entries.length === 0}>
            <summary>{t('contact-log.about.heading')}</summary>
            <p>{t('contact-log.about.p1')}</p>
            <p>{t('contact-log.about.p2')}</p>
            <p>{t('contact-log.about.p3')}</p>
          </details>
          {log.data.iWrite && (
            <Writer
              partnerName={partnerName}
              open={log.data.jointWorkOpen && log.data.partnerPresent}
              endedSaid={log.data.entries.some((e) => e.mine && e.kind === 'ended')}
            />
          )}
          <Panel
            heading={
              log.data.iWrite
                ? t('contact-log.list.mine', { name: partnerName ?? t('contact-log.yourPartner') })
                : t('contact-log.list.theirs', {
                    name: partnerName ?? t('contact-log.yourPartner'),
                  })
            }
          >
            {log.data.entries.length === 0 ? (
              <p className={styles.quiet}>
                {log.data.iWrite
                  ? t('contact-log.list.emptyMine')
                  : t('contact-log.list.emptyTheirs')}
              </p>
            ) : (
              <ul className={styles.entries}>
                {log.data.entries.map((entry) => (
                  <li key={entry.id}>
                    <Entry
                      entry={entry}
                      partnerName={partnerName}
                      canCorrect={entry.mine && log.data.jointWorkOpen && log.data.partnerPresent}
                    />
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
      )}
    </Page>
  );
}

function Writer({
  partnerName,
  open,
  endedSaid,
}: {
  partnerName: string | null;
  open: boolean;
  endedSaid: boolean;
}) {
  if (!partnerName) {
    return (
      <Notice tone="info">
        <p>{t('contact-log.noPartner')}</p>
      </Notice>
    );
  }
  if (!open) return null;
  return (
    <>
      {!endedSaid && (
        <Panel heading={t('contact-log.ended.heading')}>
          <p>{t('contact-log.ended.intro', { name: partnerName })}</p>
          <EntryForm kind="ended" partnerName={partnerName} />
        </Panel>
      )}
      <Panel heading={t('contact-log.contact.heading')}>
        <p>{t('contact-log.contact.intro', { name: partnerName })}</p>
        <EntryForm kind="contact" partnerName={partnerName} />
      </Panel>
    </>
  );
}

function empty(): Wording {
  return { occurredOn: today(), how: '', whatWasSaid: '', note: '' };
}

function EntryForm({ kind, partnerName }: { kind: TContactKind; partnerName: string }) {
  const add = useAddEntry();
  const announce = useAnnounce();
  const [values, setValues] = useState<Wording>(empty);
  const [asking, setAsking] = useState(false);
  const { errors, show, clear } = useFormErrors<Field>();
  const id = (field: Field) => `contact-${kind}-${field}`;
  const serverFields = add.error?.fields ? pickKnownFields(add.error.fields, FIELDS) : {};
  const fieldErrors = { ...serverFields, ...errors.fields };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZNewContactEntry.safeParse({ kind, ...values });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    setAsking(true);
  };

  const confirm = () =>
    add.mutate(
      { kind, ...values },
      {
        onSuccess: () => {
          setAsking(false);
          setValues(empty());
          announce(t('contact-log.told', { name: partnerName }));
        },
      },
    );

  return (
    <>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={FIELDS.flatMap((f) =>
          fieldErrors[f] ? [{ fieldId: id(f), message: fieldErrors[f] }] : [],
        )}
      />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={id('occurredOn')}
          type="date"
          label={
            kind === 'ended' ? t('contact-log.field.endedOn') : t('contact-log.field.occurredOn')
          }
          value={values.occurredOn}
          max={today()}
          error={fieldErrors.occurredOn}
          onValueChange={(occurredOn) => setValues({ ...values, occurredOn })}
        />
        {kind === 'contact' && (
          <>
            <TextField
              id={id('how')}
              label={t('contact-log.field.how')}
              hint={t('contact-log.field.how.hint')}
              value={values.how}
              maxLength={CONTACT_HOW_MAX}
              error={fieldErrors.how}
              onValueChange={(how) => setValues({ ...values, how })}
            />
            <TextAreaField
              id={id('whatWasSaid')}
              label={t('contact-log.field.whatWasSaid')}
              hint={t('contact-log.field.whatWasSaid.hint')}
              max={CONTACT_TEXT_MAX}
              count="near"
              rows={5}
              value={values.whatWasSaid}
              error={fieldErrors.whatWasSaid}
              onValueChange={(whatWasSaid) => setValues({ ...values, whatWasSaid })}
            />
          </>
        )}
        <TextAreaField
          id={id('note')}
          label={kind === 'ended' ? t('contact-log.field.endedNote') : t('contact-log.field.note')}
          hint={kind === 'ended' ? t('contact-log.field.endedNote.hint') : undefined}
          max={CONTACT_TEXT_MAX}
          count="near"
          rows={4}
          value={values.note}
          error={fieldErrors.note}
          onValueChange={(note) => setValues({ ...values, note })}
        />
        <div className={buttonRowClass}>
          <Button type="submit">
            {kind === 'ended'
              ? t('contact-log.ended.submit', { name: partnerName })
              : t('contact-log.contact.submit', { name: partnerName })}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        onClose={() => {
          setAsking(false);
          add.reset();
        }}
        onConfirm={confirm}
        heading={t('contact-log.confirm.heading', { name: partnerName })}
        confirmLabel={t('contact-log.confirm.yes')}
        pendingLabel={t('contact-log.confirm.pending')}
        cancelLabel={t('contact-log.confirm.no')}
        pending={add.isPending}
        error={add.error?.message}
      >
        <p>{t('contact-log.confirm.body', { name: partnerName })}</p>
      </ConfirmDialog>
    </>
  );
}

function WordingList({ wording, kind }: { wording: TContactWording; kind: TContactKind }) {
  return (
    <dl className={styles.wording}>
      <dt>
        {kind === 'ended' ? t('contact-log.field.endedOn') : t('contact-log.field.occurredOn')}
      </dt>
      <dd>{dayText(wording.occurredOn)}</dd>
      {wording.how && (
        <>
          <dt>{t('contact-log.field.how')}</dt>
          <dd>{wording.how}</dd>
        </>
      )}
      {wording.whatWasSaid && (
        <>
          <dt>{t('contact-log.field.whatWasSaid')}</dt>
          <dd>{wording.whatWasSaid}</dd>
        </>
      )}
      {wording.note && (
        <>
          <dt>
            {kind === 'ended' ? t('contact-log.field.endedNote') : t('contact-log.field.note')}
          </dt>
          <dd>{wording.note}</dd>
        </>
      )}
    </dl>
  );
}

function Entry({
  entry,
  partnerName,
  canCorrect,
}: {
  entry: TContactEntry;
  partnerName: string | null;
  canCorrect: boolean;
}) {
  const [correcting, setCorrecting] = useState(false);
  const [newest, ...earlier] = entry.wordings;
  return (
    <article className={styles.entry} aria-label={t(`contact-log.kind.${entry.kind}`)}>
      <h3>{t(`contact-log.kind.${entry.kind}`)}</h3>
      <p className={styles.meta}>
        {t('contact-log.writtenAt', { when: formatDateTime(newest!.writtenAt) })}
        {earlier.length > 0 && ` · ${plural('contact-log.corrected', earlier.length)}`}
      </p>
      <WordingList wording={newest!} kind={entry.kind} />
      {earlier.length > 0 && (
        <details className={styles.earlier}>
          <summary>{plural('contact-log.earlier', earlier.length)}</summary>
          {earlier.map((wording) => (
            <section
              key={wording.number}
              aria-label={t('contact-log.wordingLabel', { number: wording.number })}
            >
              <p className={styles.meta}>
                {t('contact-log.wordingMeta', {
                  number: wording.number,
                  when: formatDateTime(wording.writtenAt),
                })}
              </p>
              <WordingList wording={wording} kind={entry.kind} />
            </section>
          ))}
        </details>
      )}
      {canCorrect &&
        (correcting ? (
          <Correction entry={entry} onDone={() => setCorrecting(false)} />
        ) : (
          <Button variant="quiet" onClick={() => setCorrecting(true)}>
            {t('contact-log.correct')}
          </Button>
        ))}
      {partnerName && <CommentsSection kind="contact_log" itemId={entry.id} audience="partner" />}
    </article>
  );
}

function wordingOf(entry: TContactEntry): Wording {
  const { occurredOn, how, whatWasSaid, note } = entry.wordings[0]!;
  return { occurredOn, how, whatWasSaid, note };
}

/** A correction: the whole wording again, from the version I opened (412 shows both). */
function Correction({ entry, onDone }: { entry: TContactEntry; onDone: () => void }) {
  const correct = useCorrectEntry();
  const announce = useAnnounce();
  const [values, setValues] = useState<Wording>(() => wordingOf(entry));
  const [version, setVersion] = useState(entry.version);
  const [saved, setSaved] = useState<TContactEntry | null>(null);
  const { errors, show, clear } = useFormErrors<Field>();
  const id = (field: Field) => `correct-${entry.id}-${field}`;
  const fields = entry.kind === 'ended' ? (['occurredOn', 'note'] as const) : FIELDS;
  const label = (field: Field) =>
    field === 'occurredOn' && entry.kind === 'ended'
      ? t('contact-log.field.endedOn')
      : field === 'note' && entry.kind === 'ended'
        ? t('contact-log.field.endedNote')
        : t(`contact-log.field.${field}`);

  const send = (from: number) => {
    correct.mutate(
      { id: entry.id, version: from, body: values },
      {
        onSuccess: () => {
          announce(t('contact-log.correctedDone'));
          onDone();
        },
        onError: (error) => {
          const current = versionConflict(error, (c) => {
            const parsed = ZContactEntry.safeParse(c);
            return parsed.success ? parsed.data : null;
          });
          if (current) setSaved(current);
        },
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZContactCorrection.safeParse(values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    send(version);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('contact-log.correctForm')}>
      <p>{t('contact-log.correctIntro')}</p>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={fields.flatMap((f) =>
          errors.fields[f] ? [{ fieldId: id(f), message: errors.fields[f] }] : [],
        )}
      />
      {saved && (
        <ConflictPanel
          body={t('contact-log.conflict.body')}
          parts={fields.map((f) => ({
            key: f,
            label: label(f),
            mine: values[f],
            saved: wordingOf(saved)[f],
          }))}
          onUseSaved={(key) => setValues({ ...values, [key]: wordingOf(saved)[key as Field] })}
          onKeepMine={() => {
            setVersion(saved.version);
            setSaved(null);
            correct.reset();
          }}
          onTakeSaved={() => {
            setValues(wordingOf(saved));
            setVersion(saved.version);
            setSaved(null);
            correct.reset();
          }}
        />
      )}
      {correct.isError && !saved && (
        <p className={styles.problem} role="alert">
          {correct.error.message}
        </p>
      )}
      {fields.map((field) =>
        field === 'occurredOn' ? (
          <TextField
            key={field}
            id={id(field)}
            type="date"
            label={label(field)}
            value={values.occurredOn}
            max={today()}
            error={errors.fields.occurredOn}
            onValueChange={(occurredOn) => setValues({ ...values, occurredOn })}
          />
        ) : field === 'how' ? (
          <TextField
            key={field}
            id={id(field)}
            label={label(field)}
            value={values.how}
            maxLength={CONTACT_HOW_MAX}
            error={errors.fields.how}
            onValueChange={(how) => setValues({ ...values, how })}
          />
        ) : (
          <TextAreaField
            key={field}
            id={id(field)}
            label={label(field)}
            max={CONTACT_TEXT_MAX}
            count="near"
            rows={4}
            value={values[field]}
            error={errors.fields[field]}
            onValueChange={(value) => setValues({ ...values, [field]: value })}
          />
        ),
      )}
      <div className={buttonRowClass}>
        <Button type="submit" pending={correct.isPending}>
          {correct.isPending ? t('contact-log.correcting') : t('contact-log.correctSubmit')}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t('contact-log.correctCancel')}
        </Button>
      </div>
    </form>
  );
}
