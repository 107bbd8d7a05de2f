import { useState, type FormEvent, type ReactNode } from 'react';
import {
  CHECKIN_LIMITS,
  FEELINGS,
  ZCheckin,
  ZCheckinBody,
  type TCheckin,
  type TCheckinRevision,
  type TFeeling,
} from '#shared/schemas/checkins.ts';
import { isApiError, versionConflict } from '#web/core/api-client.ts';
import { useSpaceHasTherapist } from '#web/core/space-therapist.ts';
import { t } from '#web/i18n/index.ts';
import { CommentsSection, type CommentAudience } from '#web/ui/comments-section.tsx';
import {
  Button,
  ConfirmDialog,
  cx,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  Page,
  Panel,
  pickKnownFields,
  ShareControl,
  summaryProblems,
  TherapistShareControl,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import {
  localDay,
  useCheckinDetail,
  useMyCheckin,
  usePartnerName,
  useSaveCheckin,
  useSharing,
  useTherapistShare,
  useTimeline,
  type SharingAction,
} from './api';
import { ConflictPanel, type ConflictPart } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import styles from './checkins.module.css';

const FIELDS = ['feelings', 'intensity', 'pain', 'triggers', 'needs', 'note'] as const;
type Field = (typeof FIELDS)[number];

/** The control each error links to (the first box of a group). */
const FIELD_IDS: Record<Field, string> = {
  feelings: `checkin-feeling-${FEELINGS[0]}`,
  intensity: 'checkin-intensity-1',
  pain: 'checkin-pain-0',
  triggers: 'checkin-triggers',
  needs: 'checkin-needs',
  note: 'checkin-note',
};

const INTENSITIES = [1, 2, 3, 4, 5] as const;
const PAINS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const feelingLabel = (feeling: TFeeling) => t(`checkins.feeling.${feeling}`);
type Intensity = (typeof INTENSITIES)[number];
const intensityLabel = (n: number) => t(`checkins.intensity.${n as Intensity}`);

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "Tuesday 3 March 2026" for a `YYYY-MM-DD` day, read as that calendar day wherever I am. */
function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayFormat.format(new Date(y, m - 1, d, 12));
}

export function CheckinsPage() {
  const [today] = useState(localDay);
  const mine = useMyCheckin(today);
  const partner = usePartnerName();
  const timeline = useTimeline();
  const partnerSharedToday = (timeline.data?.pages ?? []).some((page) =>
    page.items.some((checkin) => !checkin.mine && checkin.day === today),
  );

  return (
    <Page title={t('checkins.title')} heading={t('checkins.heading')} lead={t('checkins.lead')}>
      <Panel heading={t('checkins.today.heading', { date: formatDay(today) })}>
        {mine.isPending ? (
          <Loading label={t('checkins.loading')} />
        ) : mine.isError ? (
          <LoadError message={mine.error.message} onRetry={() => void mine.refetch()} />
        ) : (
          <CheckinForm day={today} current={mine.data.checkin} />
        )}
      </Panel>
      {mine.data?.checkin && (
        <Panel heading={t('checkins.sharing.heading')}>
          <SharingControls
            checkin={mine.data.checkin}
            partnerName={partner.name}
            partnerSharedToday={partnerSharedToday}
            explain
          />
          <TherapistShare checkin={mine.data.checkin} />
        </Panel>
      )}
      <Timeline partnerName={partner.name} today={today} />
    </Page>
  );
}

interface FormValues {
  feelings: TFeeling[];
  intensity: number | null;
  pain: number | null;
  triggers: string;
  needs: string;
  note: string;
}

function valuesOf(checkin: TCheckin | null): FormValues {
  return checkin
    ? {
        feelings: checkin.feelings,
        intensity: checkin.intensity,
        pain: checkin.pain,
        triggers: checkin.triggers,
        needs: checkin.needs,
        note: checkin.note,
      }
    : { feelings: [], intensity: null, pain: null, triggers: '', needs: '', note: '' };
}

const CONFLICT_FIELDS = ['feelings', 'intensity', 'pain', 'triggers', 'needs', 'note'] as const;

/** A check-in's parts as words, mine beside the saved ones, for the conflict panel. */
function conflictParts(mine: FormValues, saved: FormValues): ConflictPart[] {
  const words = (values: FormValues, field: (typeof CONFLICT_FIELDS)[number]): string => {
    switch (field) {
      case 'feelings':
        return values.feelings.map(feelingLabel).join(', ');
      case 'intensity':
        return values.intensity === null
          ? ''
          : `${values.intensity} · ${intensityLabel(values.intensity)}`;
      case 'pain':
        return values.pain === null ? '' : t('checkins.timeline.painValue', { pain: values.pain });
      default:
        return values[field];
    }
  };
  const labels = {
    feelings: t('checkins.timeline.feelings'),
    intensity: t('checkins.timeline.intensity'),
    pain: t('checkins.timeline.pain'),
    triggers: t('checkins.timeline.triggers'),
    needs: t('checkins.timeline.needs'),
    note: t('checkins.timeline.note'),
  };
  return CONFLICT_FIELDS.map((field) => ({
    key: field,
    label: labels[field],
    mine: words(mine, field),
    saved: words(saved, field),
  }));
}

function CheckinForm({ day, current }: { day: string; current: TCheckin | null }) {
  const save = useSaveCheckin(day);
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<Field>();
  const [values, setValues] = useState<FormValues>(() => valuesOf(current));
  const [conflict, setConflict] = useState<TCheckin | null>(null);

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const submit = (version: number | undefined) => {
    const parsed = ZCheckinBody.safeParse({
      ...values,
      intensity: values.intensity ?? undefined,
      pain: values.pain ?? undefined,
    });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    setConflict(null);
    save.mutate(
      { body: parsed.data, version },
      {
        onSuccess: () => announce(t('checkins.saved')),
        onError: (error) => {
          const newer = versionConflict(error, (body) => {
            const parsed = ZCheckin.safeParse(body);
            return parsed.success ? parsed.data : null;
          });
          if (newer) {
            // My words stay in the form; the panel shows the newer ones beside them.
            setConflict(newer);
            return;
          }
          show(pickKnownFields(error.fields, FIELDS), error.message);
        },
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    // After a conflict, a save builds on the newer version the panel shows.
    submit((conflict ?? current)?.version ?? undefined);
  };

  const toggleFeeling = (feeling: TFeeling, on: boolean) =>
    set(
      'feelings',
      on
        ? FEELINGS.filter((f) => f === feeling || values.feelings.includes(f))
        : values.feelings.filter((f) => f !== feeling),
    );

  return (
    <>
      {current && <p className={styles.quiet}>{t('checkins.today.written')}</p>}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={summaryProblems(errors.fields, FIELDS, FIELD_IDS)}
      />
      {conflict && (
        <ConflictPanel
          parts={conflictParts(values, valuesOf(conflict))}
          onUseSaved={(key) => {
            const field = CONFLICT_FIELDS.find((name) => name === key);
            if (field) set(field, valuesOf(conflict)[field]);
          }}
          onKeepMine={() => submit(conflict.version ?? undefined)}
          onTakeSaved={() => {
            setValues(valuesOf(conflict));
            setConflict(null);
            clear();
          }}
          pending={save.isPending}
        />
      )}
      <form onSubmit={onSubmit} noValidate>
        <ChoiceGroup
          legend={t('checkins.feelings.legend')}
          hint={t('checkins.feelings.hint')}
          name="feelings"
          error={errors.fields.feelings}
          wide
        >
          {FEELINGS.map((feeling) => (
            <Choice
              key={feeling}
              id={`checkin-feeling-${feeling}`}
              type="checkbox"
              name="feelings"
              label={feelingLabel(feeling)}
              checked={values.feelings.includes(feeling)}
              onChange={(on) => toggleFeeling(feeling, on)}
              invalid={Boolean(errors.fields.feelings)}
            />
          ))}
        </ChoiceGroup>
        <ChoiceGroup
          legend={t('checkins.intensity.legend')}
          name="intensity"
          error={errors.fields.intensity}
        >
          {INTENSITIES.map((n) => (
            <Choice
              key={n}
              id={`checkin-intensity-${n}`}
              type="radio"
              name="intensity"
              label={`${n} · ${intensityLabel(n)}`}
              checked={values.intensity === n}
              onChange={() => set('intensity', n)}
              invalid={Boolean(errors.fields.intensity)}
            />
          ))}
        </ChoiceGroup>
        <ChoiceGroup
          legend={t('checkins.pain.legend')}
          hint={t('checkins.pain.hint')}
          name="pain"
          error={errors.fields.pain}
          compact
        >
          {PAINS.map((n) => (
            <Choice
              key={n}
              id={`checkin-pain-${n}`}
              type="radio"
              name="pain"
              label={String(n)}
              checked={values.pain === n}
              onChange={() => set('pain', n)}
              invalid={Boolean(errors.fields.pain)}
            />
          ))}
        </ChoiceGroup>
        <TextAreaField
          id={FIELD_IDS.triggers}
          label={t('checkins.triggers.label')}
          hint={t('checkins.triggers.hint')}
          max={CHECKIN_LIMITS.triggers}
          hardLimit
          rows={2}
          value={values.triggers}
          onValueChange={(v) => set('triggers', v)}
          error={errors.fields.triggers}
        />
        <TextAreaField
          id={FIELD_IDS.needs}
          label={t('checkins.needs.label')}
          hint={t('checkins.needs.hint')}
          max={CHECKIN_LIMITS.needs}
          hardLimit
          rows={3}
          value={values.needs}
          onValueChange={(v) => set('needs', v)}
          error={errors.fields.needs}
        />
        <TextAreaField
          id={FIELD_IDS.note}
          label={t('checkins.note.label')}
          hint={t('checkins.note.hint')}
          max={CHECKIN_LIMITS.note}
          hardLimit
          rows={4}
          value={values.note}
          onValueChange={(v) => set('note', v)}
          error={errors.fields.note}
        />
        {current?.sharing === 'shared' && (
          <p className={styles.quiet}>{t('checkins.editShared')}</p>
        )}
        <Button type="submit" pending={save.isPending}>
          {save.isPending
            ? t('checkins.saving')
            : current
              ? t('checkins.saveChanges')
              : t('checkins.save')}
        </Button>
      </form>
    </>
  );
}

function ChoiceGroup({
  legend,
  hint,
  name,
  error,
  wide = false,
  compact = false,
  children,
}: {
  legend: string;
  hint?: string;
  name: string;
  error: string | undefined;
  wide?: boolean;
  compact?: boolean;
  children: ReactNode;
}) {
  const hintId = hint ? `checkin-${name}-hint` : undefined;
  const errorId = error ? `checkin-${name}-error` : undefined;
  return (
    <fieldset
      className={styles.group}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      <div
        className={cx(styles.choices, wide && styles.choicesWide, compact && styles.choicesCompact)}
      >
        {children}
      </div>
    </fieldset>
  );
}

function Choice({
  id,
  type,
  name,
  label,
  checked,
  onChange,
  invalid,
}: {
  id: string;
  type: 'checkbox' | 'radio';
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  invalid: boolean;
}) {
  return (
    <div className={cx(styles.choice, checked && styles.choiceOn)}>
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={invalid || undefined}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * Who sees one of my check-ins, and the two-step ways to change it. `partnerSharedToday`: my
 * partner's check-in for the same day is already shared with me, so "share when we both have"
 * shares mine at once, and the words say so.
 */
function SharingControls({
  checkin,
  partnerName,
  partnerSharedToday = false,
  explain = false,
}: {
  checkin: TCheckin;
  partnerName: string | null;
  partnerSharedToday?: boolean;
  explain?: boolean;
}) {
  const sharing = useSharing();
  const announce = useAnnounce();
  const [paused, setPaused] = useState(false);
  const [askingBoth, setAskingBoth] = useState(false);
  const [error, setError] = useState<string>();

  const act = async (action: SharingAction) => {
    setError(undefined);
    try {
      const { checkin: after } = await sharing.mutateAsync({ id: checkin.id, action });
      if (action === 'private') announce(t('checkins.sharing.private'));
      else if (after.sharing === 'shared' && action === 'share-when-both')
        announce(t('checkins.sharing.revealed'));
      else if (after.sharing === 'shared' && partnerName)
        announce(t('checkins.sharing.shared', { name: partnerName }));
      return after;
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'joint_work_paused') setPaused(true);
      throw caught;
    }
  };

  if (!partnerName) {
    return explain ? <p className={styles.quiet}>{t('checkins.sharing.noPartner')}</p> : null;
  }

  if (checkin.sharing === 'waiting') {
    return (
      <div>
        <p className={styles.quiet}>{t('checkins.sharing.waiting', { name: partnerName })}</p>
        <Button
          variant="quiet"
          pending={sharing.isPending}
          onClick={() => void act('private').catch((e: unknown) => setError(messageOf(e)))}
        >
          {sharing.isPending ? t('checkins.sharing.withdrawing') : t('checkins.sharing.withdraw')}
        </Button>
        {error && <p role="alert">{error}</p>}
      </div>
    );
  }

  return (
    <div className={styles.sharing}>
      {paused && <JointWorkPaused />}
      <ShareControl
        shared={checkin.sharing === 'shared'}
        sharedWithTherapist={checkin.sharedWithTherapist}
        partnerName={partnerName}
        onShare={() => act('share')}
        onMakePrivate={() => act('private')}
        sharingPaused={paused}
      />
      {checkin.sharing === 'private' && !paused && (
        <div className={styles.both}>
          {explain && (
            <p className={styles.quiet}>
              {partnerSharedToday
                ? t('checkins.sharing.bothHint.partnerShared', { name: partnerName })
                : t('checkins.sharing.bothHint', { name: partnerName })}
            </p>
          )}
          <Button variant="secondary" onClick={() => setAskingBoth(true)}>
            {t('checkins.sharing.both')}
          </Button>
          <ConfirmDialog
            open={askingBoth}
            onClose={() => setAskingBoth(false)}
            onConfirm={() =>
              void act('share-when-both')
                .then(() => setAskingBoth(false))
                .catch((e: unknown) => setError(messageOf(e)))
            }
            heading={t('checkins.sharing.both.heading')}
            confirmLabel={t('checkins.sharing.both.confirm')}
            pendingLabel={t('checkins.sharing.both.pending')}
            cancelLabel={t('checkins.sharing.both.cancel')}
            pending={sharing.isPending}
            error={askingBoth ? error : undefined}
          >
            <p>
              {partnerSharedToday
                ? t('checkins.sharing.both.body.partnerShared', { name: partnerName })
                : t('checkins.sharing.both.body', { name: partnerName })}
            </p>
          </ConfirmDialog>
        </div>
      )}
    </div>
  );
}

/** Sharing my check-in with our therapist: apart from my partner, shown only while we have one. */
function TherapistShare({ checkin }: { checkin: TCheckin }) {
  const therapistShare = useTherapistShare();
  const therapistAvailable = useSpaceHasTherapist();
  return (
    <TherapistShareControl
      shared={checkin.sharedWithTherapist}
      therapistAvailable={therapistAvailable}
      onChange={(shared) => therapistShare.mutateAsync({ id: checkin.id, shared })}
    />
  );
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : t('common.tryAgain');

/**
 * My earlier check-ins and those my partner shared, newest first. Today's own check-in is left
 * out: it is the form above, with its sharing controls, and is not "earlier".
 */
function Timeline({ partnerName, today }: { partnerName: string | null; today: string }) {
  const timeline = useTimeline();
  const items = (timeline.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (checkin) => !(checkin.mine && checkin.day === today),
  );

  return (
    <Panel heading={t('checkins.timeline.heading')}>
      <p>
        {partnerName
          ? t('checkins.timeline.intro', { name: partnerName })
          : t('checkins.timeline.introAlone')}
      </p>
      {timeline.isPending ? (
        <Loading label={t('checkins.loading')} />
      ) : timeline.isError && items.length === 0 ? (
        <LoadError message={timeline.error.message} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.quiet}>{t('checkins.timeline.empty')}</p>
      ) : (
        <>
          <p className={styles.quiet}>{t('checkins.timeline.setbacks')}</p>
          <ol className={styles.timeline}>
            {items.map((checkin) => (
              <li key={checkin.id}>
                <TimelineItem checkin={checkin} partnerName={partnerName} />
              </li>
            ))}
          </ol>
          {timeline.isFetchingNextPage && <Loading label={t('checkins.timeline.loadingMore')} />}
          {timeline.isError && <LoadError message={timeline.error.message} />}
          {timeline.hasNextPage && !timeline.isFetchingNextPage && (
            <Button variant="secondary" onClick={() => void timeline.fetchNextPage()}>
              {t('checkins.timeline.more')}
            </Button>
          )}
        </>
      )}
    </Panel>
  );
}

function TimelineItem({ checkin, partnerName }: { checkin: TCheckin; partnerName: string | null }) {
  const [showEarlier, setShowEarlier] = useState(false);
  const detail = useCheckinDetail(checkin.id, showEarlier);
  const who = checkin.mine ? t('checkins.timeline.you') : (partnerName ?? '');
  const badge = checkin.mine
    ? checkin.sharing === 'shared' && partnerName
      ? checkin.sharedWithTherapist
        ? t('checkins.timeline.sharedWithAndTherapist', { name: partnerName })
        : t('checkins.timeline.sharedWith', { name: partnerName })
      : checkin.sharing === 'waiting'
        ? t('checkins.timeline.waiting')
        : checkin.sharedWithTherapist
          ? t('checkins.timeline.therapist')
          : t('checkins.timeline.onlyYou')
    : t('checkins.timeline.sharedByPartner');
  const earlierId = `checkin-earlier-${checkin.id}`;

  return (
    <article className={cx(styles.card, !checkin.mine && styles.cardPartner)}>
      <header className={styles.cardHeader}>
        <h3 className={styles.cardHeading}>
          {formatDay(checkin.day)} <span className={styles.who}>· {who}</span>
        </h3>
        <span className={styles.badge}>{badge}</span>
      </header>
      <CheckinBody checkin={checkin} />
      {checkin.hasEarlierVersions && (
        <div className={styles.earlier}>
          <p className={styles.quiet}>
            {t('checkins.timeline.edited', { date: formatDateTime(checkin.updatedAt) })}
          </p>
          <Button
            variant="quiet"
            aria-expanded={showEarlier}
            aria-controls={earlierId}
            onClick={() => setShowEarlier((open) => !open)}
          >
            {showEarlier ? t('checkins.timeline.hideEarlier') : t('checkins.timeline.showEarlier')}
          </Button>
          <div id={earlierId} hidden={!showEarlier}>
            {showEarlier &&
              (detail.isPending ? (
                <Loading label={t('checkins.timeline.earlierLoading')} />
              ) : detail.isError ? (
                <LoadError message={detail.error.message} onRetry={() => void detail.refetch()} />
              ) : (
                detail.data.earlier.map((revision) => (
                  <section key={revision.replacedAt} className={styles.revision}>
                    <h4 className={styles.revisionHeading}>
                      {t('checkins.timeline.replaced', {
                        date: formatDateTime(revision.replacedAt),
                      })}
                    </h4>
                    <CheckinBody checkin={revision} />
                  </section>
                ))
              ))}
          </div>
        </div>
      )}
      {checkin.mine && <SharingControls checkin={checkin} partnerName={partnerName} />}
      {checkin.mine && <TherapistShare checkin={checkin} />}
      {commentAudience(checkin) && (
        <CommentsSection
          kind="checkin"
          itemId={checkin.id}
          audience={commentAudience(checkin)!}
          headingLevel={4}
        />
      )}
    </article>
  );
}

/** Who reads comments on a check-in: none while it is private (the section stays away). */
function commentAudience(checkin: TCheckin): CommentAudience | null {
  if (!checkin.mine) return 'partner';
  const partner = checkin.sharing === 'shared';
  if (partner && checkin.sharedWithTherapist) return 'all';
  if (partner) return 'partner';
  return checkin.sharedWithTherapist ? 'therapist' : null;
}

function CheckinBody({ checkin }: { checkin: TCheckin | TCheckinRevision }) {
  return (
    <dl className={styles.details}>
      <dt>{t('checkins.timeline.feelings')}</dt>
      <dd>
        {checkin.feelings.length > 0
          ? checkin.feelings.map(feelingLabel).join(', ')
          : t('checkins.timeline.noFeelings')}
      </dd>
      <dt>{t('checkins.timeline.intensity')}</dt>
      <dd>
        {checkin.intensity} · {intensityLabel(checkin.intensity)}
      </dd>
      <dt>{t('checkins.timeline.pain')}</dt>
      <dd>{t('checkins.timeline.painValue', { pain: checkin.pain })}</dd>
      {checkin.triggers && (
        <>
          <dt>{t('checkins.timeline.triggers')}</dt>
          <dd className={styles.text}>{checkin.triggers}</dd>
        </>
      )}
      {checkin.needs && (
        <>
          <dt>{t('checkins.timeline.needs')}</dt>
          <dd className={styles.text}>{checkin.needs}</dd>
        </>
      )}
      {checkin.note && (
        <>
          <dt>{t('checkins.timeline.note')}</dt>
          <dd className={styles.text}>{checkin.note}</dd>
        </>
      )}
    </dl>
  );
}
