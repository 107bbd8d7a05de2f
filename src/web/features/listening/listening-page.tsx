import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  LISTENING_TEXT_MAX,
  UNDERSTOOD,
  ZReflectBody,
  ZShareBody,
  type TConversation,
  type TConversationSummary,
  type TTurn,
  type TUnderstood,
} from '#shared/schemas/listening.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  currentOf,
  useConversation,
  useListening,
  useRefreshOnListeningNews,
  useStartConversation,
  useTakeStep,
  type Step,
} from './api';
import styles from './listening.module.css';

/**
 * /listening: listening turns (clinical.md §1.5). One speaks (what I feel, what I need), the
 * other writes back what they heard and why it makes sense, and the speaker says whether they
 * felt understood, until they do; then the roles can swap. Both read the whole conversation.
 * Nobody is scored. Decision 0061.
 */
export function ListeningPage() {
  const overview = useListening();
  useRefreshOnListeningNews();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Page title={t('listening.title')} heading={t('listening.heading')} lead={t('listening.lead')}>
      {overview.isPending ? (
        <Loading label={t('listening.loading')} />
      ) : overview.isError ? (
        <LoadError message={overview.error.message} onRetry={() => void overview.refetch()} />
      ) : (
        <div className={styles.layout}>
          {!overview.data.jointWorkOpen && <JointWorkPaused />}
          <details className={styles.about} open={overview.data.conversations.length === 0}>
            <summary>{t('listening.about.heading')}</summary>
            <ol>
              <li>{t('listening.about.speak')}</li>
              <li>{t('listening.about.reflect')}</li>
              <li>{t('listening.about.answer')}</li>
              <li>{t('listening.about.swap')}</li>
            </ol>
            <p>{t('listening.about.noScore')}</p>
          </details>
          {!overview.data.together ? (
            <Notice>
              <p>{t('listening.alone')}</p>
            </Notice>
          ) : (
            !overview.data.paceOpen && (
              <Notice>
                <p>{t('listening.pace', { phase: String(overview.data.phase) })}</p>
                <p>
                  <Link to="/program">{t('listening.pace.link')}</Link>
                </p>
              </Notice>
            )
          )}
          <Conversations
            conversations={overview.data.conversations}
            chosen={chosen}
            onChoose={setChosen}
            canWrite={
              overview.data.together && overview.data.paceOpen && overview.data.jointWorkOpen
            }
          />
        </div>
      )}
    </Page>
  );
}

function Conversations({
  conversations,
  chosen,
  onChoose,
  canWrite,
}: {
  conversations: TConversationSummary[];
  chosen: string | null;
  onChoose: (id: string | null) => void;
  canWrite: boolean;
}) {
  const [starting, setStarting] = useState(false);
  const shown = conversations.find((c) => c.id === chosen) ?? conversations[0];
  return (
    <>
      {shown && !starting && <ConversationPanel key={shown.id} id={shown.id} canWrite={canWrite} />}
      {canWrite && (starting || conversations.length === 0) && (
        <Panel heading={t('listening.start.heading')}>
          <p>{t('listening.start.intro')}</p>
          <ShareForm
            idPrefix="start"
            submitLabel={t('listening.start.submit')}
            onDone={(id) => {
              setStarting(false);
              onChoose(id);
            }}
            onCancel={conversations.length > 0 ? () => setStarting(false) : undefined}
          />
        </Panel>
      )}
      {conversations.length > 0 && (
        <Panel heading={t('listening.list.heading')} quiet>
          <ul className={styles.list}>
            {conversations.map((c) => (
              <li key={c.id}>
                <Button
                  variant="quiet"
                  aria-current={c.id === shown?.id && !starting ? 'true' : undefined}
                  onClick={() => {
                    setStarting(false);
                    onChoose(c.id);
                  }}
                >
                  {c.turns === 1
                    ? t('listening.list.itemOne', { date: formatDateTime(c.startedAt) })
                    : t('listening.list.item', {
                        date: formatDateTime(c.startedAt),
                        turns: String(c.turns),
                      })}
                </Button>
                {c.myMove && c.next !== 'new_turn' && (
                  <span className={styles.tag}>{t('listening.list.yourMove')}</span>
                )}
              </li>
            ))}
          </ul>
          {canWrite && !starting && (
            <div className={buttonRowClass}>
              <Button variant="secondary" onClick={() => setStarting(true)}>
                {t('listening.list.new')}
              </Button>
            </div>
          )}
        </Panel>
      )}
    </>
  );
}

function ConversationPanel({ id, canWrite }: { id: string; canWrite: boolean }) {
  const conversation = useConversation(id);
  return (
    <Panel heading={t('listening.conversation.heading')} id={`conversation-${id}`}>
      {conversation.isPending ? (
        <Loading label={t('listening.loading')} />
      ) : conversation.isError ? (
        <LoadError
          message={conversation.error.message}
          onRetry={() => void conversation.refetch()}
        />
      ) : (
        <>
          <p className={styles.meta}>
            {t('listening.conversation.started', {
              date: formatDateTime(conversation.data.startedAt),
            })}
          </p>
          <ol className={styles.turns}>
            {conversation.data.turns.map((turn) => (
              <li key={turn.number}>
                <Turn turn={turn} />
              </li>
            ))}
          </ol>
          <NextStep conversation={conversation.data} canWrite={canWrite} />
        </>
      )}
    </Panel>
  );
}

const UNDERSTOOD_WORDS = {
  yes: 'listening.understood.yes',
  partly: 'listening.understood.partly',
  not_yet: 'listening.understood.not_yet',
} as const satisfies Record<TUnderstood, MessageKey>;

function who(person: { name: string; mine: boolean }): string {
  return person.mine ? t('listening.you') : person.name;
}

function Turn({ turn }: { turn: TTurn }) {
  return (
    <article className={styles.turn} aria-labelledby={`turn-${turn.number}`}>
      <h3 id={`turn-${turn.number}`} className={styles.turnHeading}>
        {t('listening.turn.heading', {
          number: String(turn.number),
          speaker: who(turn.speaker),
          listener: who(turn.listener),
        })}
      </h3>
      <div className={styles.speaker}>
        <p className={styles.label}>{t('listening.turn.feeling', { name: who(turn.speaker) })}</p>
        <p className={styles.text}>{turn.feeling}</p>
        <p className={styles.label}>{t('listening.turn.need')}</p>
        <p className={styles.text}>{turn.need}</p>
      </div>
      {turn.rounds.map((round) => (
        <div key={round.number}>
          <div className={styles.listener}>
            <p className={styles.label}>
              {t('listening.turn.heard', { name: who(turn.listener) })}
            </p>
            <p className={styles.text}>{round.heard}</p>
            <p className={styles.label}>{t('listening.turn.validation')}</p>
            <p className={styles.text}>{round.validation}</p>
          </div>
          {round.understood && (
            <div className={styles.speaker}>
              <p className={styles.label}>
                {t('listening.turn.answer', {
                  name: who(turn.speaker),
                  answer: t(UNDERSTOOD_WORDS[round.understood]),
                })}
              </p>
              {round.clarification && <p className={styles.text}>{round.clarification}</p>}
            </div>
          )}
        </div>
      ))}
      {turn.heardAt && (
        <p className={styles.heard}>
          {t('listening.turn.done', {
            name: who(turn.speaker),
            date: formatDateTime(turn.heardAt),
          })}
        </p>
      )}
    </article>
  );
}

/** The next step: the form when it is mine, a calm word about whose it is otherwise. */
function NextStep({ conversation, canWrite }: { conversation: TConversation; canWrite: boolean }) {
  const last = conversation.turns.at(-1)!;
  const other = last.speaker.mine ? last.listener.name : last.speaker.name;
  const [lost, setLost] = useState<Lost | null>(null);
  // Words typed into the step's form and not yet sent. If the conversation moves on under them
  // (the partner took the step first, seen on a refresh), the form goes away: keep them here.
  const typing = useRef<Lost | null>(null);
  const form = canWrite && conversation.myMove ? conversation.next : 'none';
  const shownForm = useRef(form);
  useEffect(() => {
    if (shownForm.current !== form) {
      const words = typing.current;
      if (words && Object.values(words.mine).some((v) => v.trim() !== '')) setLost(words);
      typing.current = null;
      shownForm.current = form;
    }
  }, [form]);
  const onWords = (words: Lost | null) => {
    typing.current = words;
  };
  const conflict = lost && (
    <ConflictPanel
      heading={t('listening.conflict.heading')}
      body={t('listening.conflict.body')}
      parts={conflictParts(lost, conversation)}
      onTakeSaved={() => setLost(null)}
    />
  );
  if (!canWrite) return conflict;
  if (!conversation.myMove) {
    const waiting =
      conversation.next === 'reflect' ? 'listening.wait.reflect' : 'listening.wait.answer';
    return (
      <>
        {conflict}
        <Notice>
          <p>{t(waiting, { name: other })}</p>
        </Notice>
      </>
    );
  }
  return (
    <>
      {conflict}
      {conversation.next === 'reflect' ? (
        <ReflectForm
          conversation={conversation}
          speakerName={last.speaker.name}
          onLost={setLost}
          onWords={onWords}
        />
      ) : conversation.next === 'answer' ? (
        <AnswerForm
          conversation={conversation}
          listenerName={last.listener.name}
          onLost={setLost}
          onWords={onWords}
        />
      ) : (
        <section className={styles.step} aria-labelledby="next-turn">
          <h3 id="next-turn">{t('listening.next.heading')}</h3>
          <p>
            {last.speaker.mine
              ? t('listening.next.again', { name: other })
              : t('listening.next.swap', { name: other })}
          </p>
          <ShareForm
            idPrefix="next"
            conversation={conversation}
            submitLabel={t('listening.next.submit')}
            onLost={setLost}
            onWords={onWords}
          />
        </section>
      )}
    </>
  );
}

/** Words of mine that a step taken elsewhere overtook, and the step they were for. */
type Lost = { mine: Record<string, string>; step: Step['path'] };

/** My words beside what was saved in the step I was writing for (a 412). */
function conflictParts(lost: Lost, conversation: TConversation) {
  const turn = conversation.turns.at(-1)!;
  const round = turn.rounds.at(-1);
  const saved: Record<string, string> =
    lost.step === 'turns'
      ? { feeling: turn.feeling, need: turn.need }
      : lost.step === 'reflections'
        ? { heard: round?.heard ?? '', validation: round?.validation ?? '' }
        : { clarification: round?.clarification ?? '' };
  return Object.keys(lost.mine).map((key) => ({
    key,
    label: t(FIELD_LABEL[key as keyof typeof FIELD_LABEL]),
    mine: lost.mine[key] ?? '',
    saved: saved[key] ?? '',
  }));
}

const FIELD_LABEL = {
  feeling: 'listening.field.feeling',
  need: 'listening.field.need',
  heard: 'listening.field.heard',
  validation: 'listening.field.validation',
  clarification: 'listening.field.clarification',
} as const satisfies Record<string, MessageKey>;

type ShareField = 'feeling' | 'need';
const SHARE_FIELDS = ['feeling', 'need'] as const;

function ShareForm({
  idPrefix,
  conversation,
  submitLabel,
  onDone,
  onCancel,
  onLost,
  onWords,
}: {
  idPrefix: string;
  conversation?: TConversation;
  submitLabel: string;
  onDone?: (id: string) => void;
  onCancel?: (() => void) | undefined;
  onLost?: (lost: Lost) => void;
  onWords?: (words: Lost | null) => void;
}) {
  const [values, setValues] = useState({ feeling: '', need: '' });
  const change = (next: typeof values) => {
    setValues(next);
    onWords?.({ mine: next, step: 'turns' });
  };
  const start = useStartConversation();
  const { errors, show, clear } = useFormErrors<ShareField>();
  const announce = useAnnounce();
  const step = useStepOrNull(conversation);
  const pending = start.isPending || (step?.isPending ?? false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const parsed = ZShareBody.safeParse(values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, SHARE_FIELDS));
      return;
    }
    clear();
    onWords?.(null);
    const onError = (error: Error) => {
      if (currentOf(error)) {
        onLost?.({ mine: values, step: 'turns' });
        return;
      }
      show(pickKnownFields(isApiError(error) ? error.fields : {}, SHARE_FIELDS), error.message);
    };
    if (conversation && step) {
      step.mutate(
        { path: 'turns', body: parsed.data },
        { onSuccess: () => announce(t('listening.sent')), onError },
      );
    } else {
      start.mutate(parsed.data, {
        onSuccess: (c) => {
          announce(t('listening.sent'));
          onDone?.(c.id);
        },
        onError,
      });
    }
  };

  return (
    <>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={SHARE_FIELDS.flatMap((f) => {
          const message = errors.fields[f];
          return message ? [{ fieldId: `${idPrefix}-${f}`, message }] : [];
        })}
      />
      <form onSubmit={submit} noValidate className={styles.form}>
        <TextAreaField
          id={`${idPrefix}-feeling`}
          label={t('listening.field.feeling')}
          hint={t('listening.field.feeling.hint')}
          max={LISTENING_TEXT_MAX}
          rows={4}
          value={values.feeling}
          onValueChange={(feeling) => change({ ...values, feeling })}
          error={errors.fields.feeling}
        />
        <TextAreaField
          id={`${idPrefix}-need`}
          label={t('listening.field.need')}
          hint={t('listening.field.need.hint')}
          max={LISTENING_TEXT_MAX}
          rows={3}
          value={values.need}
          onValueChange={(need) => change({ ...values, need })}
          error={errors.fields.need}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="quiet" onClick={onCancel}>
              {t('listening.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** `useTakeStep` for a conversation, or nothing for a form that starts a new one. */
function useStepOrNull(conversation: TConversation | undefined) {
  // Hooks cannot be conditional: a stand-in conversation when there is none (never sent).
  const step = useTakeStep(
    conversation ?? {
      id: '',
      version: 0,
      startedAt: '',
      next: 'new_turn',
      myMove: true,
      turns: [],
    },
  );
  return conversation ? step : null;
}

type ReflectField = 'heard' | 'validation';
const REFLECT_FIELDS = ['heard', 'validation'] as const;

function ReflectForm({
  conversation,
  speakerName,
  onLost,
  onWords,
}: {
  conversation: TConversation;
  speakerName: string;
  onLost: (lost: Lost) => void;
  onWords: (words: Lost | null) => void;
}) {
  const [values, setValues] = useState({ heard: '', validation: '' });
  const change = (next: typeof values) => {
    setValues(next);
    onWords({ mine: next, step: 'reflections' });
  };
  const step = useTakeStep(conversation);
  const { errors, show, clear } = useFormErrors<ReflectField>();
  const announce = useAnnounce();
  const again = conversation.turns.at(-1)!.rounds.length > 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step.isPending) return;
    const parsed = ZReflectBody.safeParse(values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, REFLECT_FIELDS));
      return;
    }
    clear();
    onWords(null);
    step.mutate(
      { path: 'reflections', body: parsed.data },
      {
        onSuccess: () => announce(t('listening.sent')),
        onError: (error) => {
          if (currentOf(error)) return onLost({ mine: values, step: 'reflections' });
          show(
            pickKnownFields(isApiError(error) ? error.fields : {}, REFLECT_FIELDS),
            error.message,
          );
        },
      },
    );
  };

  return (
    <section className={styles.step} aria-labelledby="reflect-heading">
      <h3 id="reflect-heading">
        {again
          ? t('listening.reflect.againHeading', { name: speakerName })
          : t('listening.reflect.heading', { name: speakerName })}
      </h3>
      <p>{t('listening.reflect.intro')}</p>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={REFLECT_FIELDS.flatMap((f) => {
          const message = errors.fields[f];
          return message ? [{ fieldId: `reflect-${f}`, message }] : [];
        })}
      />
      <form onSubmit={submit} noValidate className={styles.form}>
        <TextAreaField
          id="reflect-heard"
          label={t('listening.field.heard')}
          hint={t('listening.field.heard.hint')}
          max={LISTENING_TEXT_MAX}
          rows={4}
          value={values.heard}
          onValueChange={(heard) => change({ ...values, heard })}
          error={errors.fields.heard}
        />
        <TextAreaField
          id="reflect-validation"
          label={t('listening.field.validation')}
          hint={t('listening.field.validation.hint')}
          max={LISTENING_TEXT_MAX}
          rows={3}
          value={values.validation}
          onValueChange={(validation) => change({ ...values, validation })}
          error={errors.fields.validation}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={step.isPending}>
            {t('listening.reflect.submit', { name: speakerName })}
          </Button>
        </div>
      </form>
    </section>
  );
}

function AnswerForm({
  conversation,
  listenerName,
  onLost,
  onWords,
}: {
  conversation: TConversation;
  listenerName: string;
  onLost: (lost: Lost) => void;
  onWords: (words: Lost | null) => void;
}) {
  const [choice, setChoice] = useState<TUnderstood | null>(null);
  const [clarification, setClarification] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const step = useTakeStep(conversation);
  const announce = useAnnounce();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step.isPending) return;
    if (!choice) {
      setProblem({ field: 'understood', message: t('listening.answer.choose') });
      return;
    }
    setProblem(null);
    onWords(null);
    step.mutate(
      { path: 'answers', body: { understood: choice, clarification } },
      {
        onSuccess: () =>
          announce(choice === 'yes' ? t('listening.answer.heard') : t('listening.sent')),
        onError: (error) => {
          if (currentOf(error)) return onLost({ mine: { clarification }, step: 'answers' });
          const fields = isApiError(error) ? error.fields : {};
          setProblem({
            field: fields.clarification ? 'clarification' : 'understood',
            message: fields.clarification ?? fields.understood ?? error.message,
          });
        },
      },
    );
  };

  return (
    <section className={styles.step} aria-labelledby="answer-heading">
      <h3 id="answer-heading">{t('listening.answer.heading', { name: listenerName })}</h3>
      <form onSubmit={submit} noValidate className={styles.form}>
        <fieldset
          className={styles.fieldset}
          aria-describedby={problem?.field === 'understood' ? 'answer-error' : undefined}
        >
          <legend className={styles.legend}>{t('listening.answer.legend')}</legend>
          {problem?.field === 'understood' && (
            <p className={styles.error} id="answer-error" role="alert">
              {problem.message}
            </p>
          )}
          <div className={styles.choices}>
            {UNDERSTOOD.map((value) => (
              <label key={value} className={styles.choice}>
                <input
                  type="radio"
                  name="understood"
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />
                {t(UNDERSTOOD_WORDS[value])}
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id="answer-clarification"
          label={t('listening.field.clarification')}
          hint={
            choice === 'yes'
              ? t('listening.field.clarification.yesHint')
              : t('listening.field.clarification.hint', { name: listenerName })
          }
          max={LISTENING_TEXT_MAX}
          rows={3}
          value={clarification}
          onValueChange={(next) => {
            setClarification(next);
            onWords({ mine: { clarification: next }, step: 'answers' });
          }}
          error={problem?.field === 'clarification' ? problem.message : undefined}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={step.isPending}>
            {t('listening.answer.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
