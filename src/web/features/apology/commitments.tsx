import { useId, useState, type FormEvent } from 'react';
import {
  ACK_NOTE_MAX,
  COMMITMENT_TEXT_MAX,
  FOLLOW_THROUGH_NOTE_MAX,
  ZCommitment,
  ZCommitmentBody,
  ZFollowThroughBody,
  type TCommitment,
  type TFollowThrough,
  type TWriterApology,
} from '#shared/schemas/apology.ts';
import { isApiError, versionConflict } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { Button, buttonRowClass, formatDate, Notice, useAnnounce } from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  useAcknowledge,
  useAddCommitment,
  useEditCommitment,
  useFollowThrough,
  useRemoveCommitment,
} from './api';
import styles from './apology.module.css';
import { dayWords, localToday } from './parts';

/**
 * Commitments: the concrete promises of the apology, each with a day to look at it together.
 * The writer adds and edits them (they wait, private, until the apology is sent) and notes how
 * they kept them; the reader answers each note with "I see it" or "not yet". Nothing is counted.
 */

/** A labelled date input; its hint and error are tied to it for screen readers. */
function DateField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  min,
  max,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  min?: string;
  max?: string;
}) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={styles.dateField}>
      <label htmlFor={id} className={styles.dateLabel}>
        {label}
      </label>
      {hint && (
        <p className={styles.quiet} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className={styles.problem} id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        type="date"
        className={styles.dateInput}
        value={value}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onValueChange(event.currentTarget.value)}
      />
    </div>
  );
}

function problemOf(error: unknown): string | null {
  return error ? (isApiError(error) ? error.message : t('common.tryAgain')) : null;
}

export function WriterCommitments({
  apology,
  partnerName,
  jointWorkOpen,
}: {
  apology: TWriterApology;
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  return (
    <section className={styles.commitments} aria-labelledby={`commitments-${apology.id}`}>
      <h3 id={`commitments-${apology.id}`}>{t('apology.commitments.heading')}</h3>
      <p className={styles.quiet}>{t('apology.commitments.lead')}</p>
      {apology.commitments.length > 0 && (
        <ul className={styles.plainList}>
          {apology.commitments.map((c) => (
            <li key={c.id}>
              <WriterCommitment
                commitment={c}
                partnerName={partnerName}
                jointWorkOpen={jointWorkOpen}
              />
            </li>
          ))}
        </ul>
      )}
      <AddCommitment apologyId={apology.id} />
    </section>
  );
}

function AddCommitment({ apologyId }: { apologyId: string }) {
  const add = useAddCommitment();
  const announce = useAnnounce();
  const ids = useId();
  const [text, setText] = useState('');
  const [day, setDay] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZCommitmentBody.safeParse({ text, checkInOn: day });
    if (!parsed.success) {
      setFields(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFields({});
    add.mutate(
      { apologyId, body: parsed.data },
      {
        onSuccess: () => {
          setText('');
          setDay('');
          announce(t('apology.commitments.added'));
        },
        onError: (error) => setFields(isApiError(error) ? error.fields : {}),
      },
    );
  };

  return (
    <form className={styles.subForm} onSubmit={submit} noValidate>
      <h4>{t('apology.commitments.add')}</h4>
      <TextAreaField
        id={`${ids}-text`}
        label={t('apology.commitments.text')}
        hint={t('apology.commitments.text.hint')}
        max={COMMITMENT_TEXT_MAX}
        rows={2}
        value={text}
        error={fields.text}
        onValueChange={setText}
      />
      <DateField
        id={`${ids}-day`}
        label={t('apology.commitments.day')}
        hint={t('apology.commitments.day.hint')}
        min={localToday()}
        value={day}
        error={fields.checkInOn}
        onValueChange={setDay}
      />
      {add.isError && !Object.keys(fields).length && (
        <Notice tone="problem" role="alert">
          <p>{problemOf(add.error)}</p>
        </Notice>
      )}
      <div className={buttonRowClass}>
        <Button type="submit" variant="secondary" pending={add.isPending}>
          {t('apology.commitments.addButton')}
        </Button>
      </div>
    </form>
  );
}

function WriterCommitment({
  commitment,
  partnerName,
  jointWorkOpen,
}: {
  commitment: TCommitment;
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const remove = useRemoveCommitment();
  const announce = useAnnounce();
  return (
    <article className={styles.commitment} id={`commitment-${commitment.id}`}>
      {editing ? (
        <EditCommitment commitment={commitment} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className={styles.commitmentText}>{commitment.text}</p>
          <p className={styles.quiet}>
            {t('apology.commitments.checkIn', { date: dayWords(commitment.checkInOn) })} ·{' '}
            {commitment.shared
              ? t('apology.commitments.shared', { name: partnerName ?? '' })
              : t('apology.commitments.waiting')}
          </p>
          <div className={buttonRowClass}>
            {(!commitment.shared || jointWorkOpen) && (
              <Button variant="quiet" onClick={() => setEditing(true)}>
                {t('apology.commitments.edit')}
              </Button>
            )}
            {!commitment.shared && (
              <Button
                variant="quiet"
                pending={remove.isPending}
                onClick={() =>
                  remove.mutate(commitment.id, {
                    onSuccess: () => announce(t('apology.commitments.removed')),
                  })
                }
              >
                {t('apology.commitments.remove')}
              </Button>
            )}
          </div>
        </>
      )}
      {remove.isError && (
        <Notice tone="problem" role="alert">
          <p>{problemOf(remove.error)}</p>
        </Notice>
      )}
      <FollowThroughs commitment={commitment} viewer="writer" partnerName={partnerName} />
      {commitment.shared && jointWorkOpen && <NoteFollowThrough commitmentId={commitment.id} />}
    </article>
  );
}

/** Changing a commitment's words or day; a 412 shows both versions side by side. */
function EditCommitment({ commitment, onDone }: { commitment: TCommitment; onDone: () => void }) {
  const edit = useEditCommitment();
  const announce = useAnnounce();
  const ids = useId();
  const [text, setText] = useState(commitment.text);
  const [day, setDay] = useState(commitment.checkInOn);
  const [version, setVersion] = useState(commitment.version);
  const [fields, setFields] = useState<Record<string, string>>({});
  const conflict = versionConflict(edit.error, (current) => {
    const parsed = ZCommitment.safeParse(current);
    return parsed.success ? parsed.data : null;
  });

  const save = () => {
    const parsed = ZCommitmentBody.safeParse({ text, checkInOn: day });
    if (!parsed.success) {
      setFields(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFields({});
    edit.mutate(
      { id: commitment.id, version, body: parsed.data },
      {
        onSuccess: () => {
          announce(t('apology.commitments.saved'));
          onDone();
        },
        onError: (error) => setFields(isApiError(error) ? error.fields : {}),
      },
    );
  };

  return (
    <form
      className={styles.subForm}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      noValidate
    >
      <TextAreaField
        id={`${ids}-text`}
        label={t('apology.commitments.text')}
        max={COMMITMENT_TEXT_MAX}
        rows={2}
        value={text}
        error={fields.text}
        onValueChange={setText}
      />
      <DateField
        id={`${ids}-day`}
        label={t('apology.commitments.day')}
        value={day}
        error={fields.checkInOn}
        onValueChange={setDay}
      />
      {conflict ? (
        <ConflictPanel
          parts={[
            {
              key: 'text',
              label: t('apology.commitments.text'),
              mine: text,
              saved: conflict.text,
            },
            {
              key: 'checkInOn',
              label: t('apology.commitments.day'),
              mine: day,
              saved: conflict.checkInOn,
            },
          ]}
          onUseSaved={(key) =>
            key === 'text' ? setText(conflict.text) : setDay(conflict.checkInOn)
          }
          onKeepMine={() => {
            setVersion(conflict.version);
            edit.reset();
          }}
          onTakeSaved={() => {
            setText(conflict.text);
            setDay(conflict.checkInOn);
            setVersion(conflict.version);
            edit.reset();
          }}
        />
      ) : (
        edit.isError &&
        !Object.keys(fields).length && (
          <Notice tone="problem" role="alert">
            <p>{problemOf(edit.error)}</p>
          </Notice>
        )
      )}
      <div className={buttonRowClass}>
        <Button type="submit" variant="secondary" pending={edit.isPending}>
          {t('apology.commitments.save')}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t('apology.notNow')}
        </Button>
      </div>
    </form>
  );
}

function NoteFollowThrough({ commitmentId }: { commitmentId: string }) {
  const note = useFollowThrough();
  const announce = useAnnounce();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [day, setDay] = useState(localToday());
  const [fields, setFields] = useState<Record<string, string>>({});
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('apology.follow.open')}
      </Button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZFollowThroughBody.safeParse({ note: text, on: day });
    if (!parsed.success) {
      setFields(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFields({});
    note.mutate(
      { id: commitmentId, body: parsed.data },
      {
        onSuccess: () => {
          setText('');
          setOpen(false);
          announce(t('apology.follow.noted'));
        },
        onError: (error) => setFields(isApiError(error) ? error.fields : {}),
      },
    );
  };
  return (
    <form className={styles.subForm} onSubmit={submit} noValidate>
      <TextAreaField
        id={`${ids}-note`}
        label={t('apology.follow.note')}
        hint={t('apology.follow.note.hint')}
        max={FOLLOW_THROUGH_NOTE_MAX}
        rows={3}
        value={text}
        error={fields.note}
        onValueChange={setText}
      />
      <DateField
        id={`${ids}-on`}
        label={t('apology.follow.on')}
        max={localToday()}
        value={day}
        error={fields.on}
        onValueChange={setDay}
      />
      {note.isError && !Object.keys(fields).length && (
        <Notice tone="problem" role="alert">
          <p>{problemOf(note.error)}</p>
        </Notice>
      )}
      <div className={buttonRowClass}>
        <Button type="submit" pending={note.isPending}>
          {t('apology.follow.submit')}
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('apology.notNow')}
        </Button>
      </div>
    </form>
  );
}

/** The follow-through notes of one commitment, oldest first, with the answers to them. */
function FollowThroughs({
  commitment,
  viewer,
  partnerName,
  jointWorkOpen = true,
}: {
  commitment: TCommitment;
  viewer: 'writer' | 'reader';
  partnerName: string | null;
  jointWorkOpen?: boolean;
}) {
  if (commitment.followThroughs.length === 0) return null;
  return (
    <ul className={styles.notes} aria-label={t('apology.follow.listLabel')}>
      {commitment.followThroughs.map((note) => (
        <li key={note.id} className={styles.note}>
          <p className={styles.quiet}>
            {t('apology.follow.on.words', { date: dayWords(note.on) })}
          </p>
          <p className={styles.noteText}>{note.note}</p>
          {viewer === 'writer' ? (
            <AckWords note={note} partnerName={partnerName} />
          ) : (
            <Acknowledge note={note} jointWorkOpen={jointWorkOpen} />
          )}
        </li>
      ))}
    </ul>
  );
}

function AckWords({ note, partnerName }: { note: TFollowThrough; partnerName: string | null }) {
  const name = partnerName ?? t('apology.yourPartner');
  const ack = note.acknowledgement;
  if (!ack) return <p className={styles.quiet}>{t('apology.ack.none', { name })}</p>;
  return (
    <div className={styles.ack}>
      <p>
        {ack.answer === 'seen'
          ? t('apology.ack.seenBy', { name })
          : t('apology.ack.notYetBy', { name })}{' '}
        <span className={styles.quiet}>({formatDate(ack.at)})</span>
      </p>
      {ack.note && <p className={styles.noteText}>{ack.note}</p>}
    </div>
  );
}

/** "I see it" or "not yet", with an optional note; changeable (If-Match, 412 shows the newer). */
function Acknowledge({ note, jointWorkOpen }: { note: TFollowThrough; jointWorkOpen: boolean }) {
  const answer = useAcknowledge();
  const announce = useAnnounce();
  const ids = useId();
  const ack = note.acknowledgement;
  const [words, setWords] = useState(ack?.note ?? '');
  const [changing, setChanging] = useState(false);
  const [mine, setMine] = useState<'seen' | 'not_yet' | null>(null);
  const conflict = versionConflict(answer.error, (current) => {
    const parsed = ZCommitment.safeParse(current);
    return parsed.success ? parsed.data : null;
  });
  const send = (choice: 'seen' | 'not_yet', version = ack?.version ?? 0) => {
    setMine(choice);
    answer.mutate(
      {
        id: note.id,
        version,
        body: { answer: choice, ...(words.trim() ? { note: words } : {}) },
      },
      {
        onSuccess: () => {
          setChanging(false);
          announce(choice === 'seen' ? t('apology.ack.doneSeen') : t('apology.ack.doneNotYet'));
        },
      },
    );
  };
  const answerWords = (choice: 'seen' | 'not_yet' | undefined) =>
    choice === 'seen' ? t('apology.ack.seen') : choice === 'not_yet' ? t('apology.ack.notYet') : '';

  // Answered from another window meanwhile: both answers side by side, nothing lost.
  if (conflict && mine) {
    const saved = conflict.followThroughs.find((n) => n.id === note.id)?.acknowledgement;
    return (
      <ConflictPanel
        body={t('apology.ack.conflict')}
        parts={[
          {
            key: 'answer',
            label: t('apology.ack.answer'),
            mine: answerWords(mine),
            saved: answerWords(saved?.answer),
          },
          { key: 'note', label: t('apology.ack.note'), mine: words, saved: saved?.note ?? '' },
        ]}
        onKeepMine={() => send(mine, saved?.version ?? 0)}
        onTakeSaved={() => {
          setWords(saved?.note ?? '');
          setChanging(false);
          answer.reset();
        }}
      />
    );
  }

  if (ack && !changing) {
    return (
      <div className={styles.ack}>
        <p>{ack.answer === 'seen' ? t('apology.ack.youSaw') : t('apology.ack.youNotYet')}</p>
        {ack.note && <p className={styles.noteText}>{ack.note}</p>}
        {jointWorkOpen && (
          <Button variant="quiet" onClick={() => setChanging(true)}>
            {t('apology.ack.change')}
          </Button>
        )}
      </div>
    );
  }
  if (!jointWorkOpen) return <p className={styles.quiet}>{t('apology.send.resting')}</p>;
  return (
    <div className={styles.ack}>
      <TextAreaField
        id={`${ids}-ack`}
        label={t('apology.ack.note')}
        hint={t('apology.ack.note.hint')}
        max={ACK_NOTE_MAX}
        rows={2}
        value={words}
        onValueChange={setWords}
      />
      {answer.isError && (
        <Notice tone="problem" role="alert">
          <p>{problemOf(answer.error)}</p>
        </Notice>
      )}
      <div className={buttonRowClass}>
        <Button pending={answer.isPending} onClick={() => send('seen')}>
          {t('apology.ack.seen')}
        </Button>
        <Button variant="secondary" pending={answer.isPending} onClick={() => send('not_yet')}>
          {t('apology.ack.notYet')}
        </Button>
      </div>
    </div>
  );
}

export function ReaderCommitments({
  commitments,
  partnerName,
  jointWorkOpen,
}: {
  commitments: TCommitment[];
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  if (commitments.length === 0) return null;
  return (
    <section className={styles.commitments} aria-label={t('apology.commitments.heading')}>
      <h3>{t('apology.commitments.reader.heading', { name: partnerName })}</h3>
      <ul className={styles.plainList}>
        {commitments.map((c) => (
          <li key={c.id}>
            <article className={styles.commitment} id={`commitment-${c.id}`}>
              <p className={styles.commitmentText}>{c.text}</p>
              <p className={styles.quiet}>
                {t('apology.commitments.checkIn', { date: dayWords(c.checkInOn) })}
              </p>
              {c.followThroughs.length === 0 && (
                <p className={styles.quiet}>{t('apology.follow.noneYet', { name: partnerName })}</p>
              )}
              <FollowThroughs
                commitment={c}
                viewer="reader"
                partnerName={partnerName}
                jointWorkOpen={jointWorkOpen}
              />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
