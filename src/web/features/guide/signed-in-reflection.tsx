import { isVersionConflict } from '#web/core/api-client.ts';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import {
  REFLECTION_MAX,
  ZReflectionBody,
  type TPartnerReflection,
  type TReflectionsResponse,
} from '#shared/schemas/guide.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  pickKnownFields,
  ShareControl,
  TherapistShareControl,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { useSpaceHasTherapist } from '#web/core/space-therapist.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  useReflections,
  useSaveReflection,
  useShareReflection,
  useTherapistShareReflection,
} from './api';
import styles from './guide.module.css';

// Shown only after a save met a newer version: it loads then, so a lesson's first download
// stays small (decision 0028).
const ConflictPanel = lazy(() =>
  import('#web/ui/conflict-panel.tsx').then((m) => ({ default: m.ConflictPanel })),
);

const FIELDS = ['body'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ID = 'guide-reflection';

/** A signed-in reader's own reflection on a lesson, and what their partner shared. */
export function SignedInReflection({ slug }: { slug: string }) {
  const reflections = useReflections(slug, true);
  if (reflections.isPending) return <Loading label={t('guide.reflect.loading')} />;
  if (reflections.isError) {
    return (
      <LoadError message={reflections.error.message} onRetry={() => void reflections.refetch()} />
    );
  }
  return <ReflectionForm key={slug} slug={slug} data={reflections.data} />;
}

function ReflectionForm({ slug, data }: { slug: string; data: TReflectionsResponse }) {
  const save = useSaveReflection(slug);
  const share = useShareReflection(slug);
  const therapistShare = useTherapistShareReflection(slug);
  const therapistAvailable = useSpaceHasTherapist();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<Field>();
  const [draft, setDraft] = useState(data.mine?.body ?? '');
  const [conflict, setConflict] = useState(false);

  const mine = data.mine;
  const shared = mine?.visibility === 'partner';
  const held = shared && data.sharingPaused;

  const submit = () => {
    if (save.isPending || held) return;
    const parsed = ZReflectionBody.safeParse({ body: draft });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    save.mutate(
      { body: parsed.data.body, version: mine?.version ?? null },
      {
        onSuccess: () => {
          setConflict(false);
          announce(t('guide.reflect.saved'));
        },
        onError: (error) => {
          // The page reloads the saved reflection (api.ts), so `mine` is the newer version.
          if (isVersionConflict(error)) {
            setConflict(true);
            clear();
            return;
          }
          show(pickKnownFields(error.fields, FIELDS), error.message);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  return (
    <>
      {conflict && mine && (
        <Suspense fallback={null}>
          <ConflictPanel
            body={t('guide.reflect.conflict')}
            parts={[
              { key: 'body', label: t('guide.reflect.label'), mine: draft, saved: mine.body },
            ]}
            onKeepMine={submit}
            onTakeSaved={() => {
              setDraft(mine.body);
              setConflict(false);
            }}
            pending={save.isPending}
          />
        </Suspense>
      )}
      {held && (
        <>
          <JointWorkPaused />
          <p className={styles.quiet}>{t('guide.reflect.heldShared')}</p>
        </>
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={errors.fields.body ? [{ fieldId: FIELD_ID, message: errors.fields.body }] : []}
      />
      <form onSubmit={onSubmit} noValidate className={styles.form}>
        <TextAreaField
          id={FIELD_ID}
          name="body"
          rows={8}
          label={t('guide.reflect.label')}
          hint={
            shared && data.partnerName
              ? t('guide.reflect.hintShared', { name: data.partnerName })
              : t('guide.reflect.hintPrivate')
          }
          value={draft}
          onValueChange={setDraft}
          error={errors.fields.body}
          max={REFLECTION_MAX}
          readOnly={held}
        />
        {mine && (
          <p className={styles.quiet}>
            {t('guide.reflect.savedAt', { date: formatDateTime(mine.updatedAt) })}
          </p>
        )}
        {!held && (
          <Button type="submit" pending={save.isPending}>
            {save.isPending
              ? t('guide.reflect.saving')
              : mine
                ? t('guide.reflect.saveChanges')
                : t('guide.reflect.save')}
          </Button>
        )}
      </form>
      {mine && (
        <div className={styles.share}>
          <ShareControl
            shared={shared}
            sharedWithTherapist={mine.sharedWithTherapist}
            partnerName={data.partnerName}
            sharingPaused={data.sharingPaused}
            onShare={async () => {
              await share.mutateAsync(true);
              announce(t('guide.reflect.sharedNow', { name: data.partnerName ?? '' }));
            }}
            onMakePrivate={async () => {
              await share.mutateAsync(false);
              announce(t('guide.reflect.privateNow'));
            }}
          />
          <TherapistShareControl
            shared={mine.sharedWithTherapist}
            therapistAvailable={therapistAvailable}
            onChange={(next) => therapistShare.mutateAsync(next)}
          />
        </div>
      )}
      {data.partnerReflection && data.partnerName && (
        <PartnerReflection name={data.partnerName} reflection={data.partnerReflection} />
      )}
    </>
  );
}

function PartnerReflection({ name, reflection }: { name: string; reflection: TPartnerReflection }) {
  const edited = reflection.updatedAt > reflection.sharedAt;
  return (
    <section className={styles.partner} aria-labelledby="guide-partner-reflection">
      <h3 id="guide-partner-reflection">{t('guide.reflect.partnerHeading', { name })}</h3>
      <p className={styles.quiet}>
        {t('guide.reflect.partnerShared', { name, date: formatDate(reflection.sharedAt) })}
        {edited && (
          <> {t('guide.reflect.partnerEdited', { date: formatDate(reflection.updatedAt) })}</>
        )}
      </p>
      <div className={styles.partnerBody}>{reflection.body}</div>
    </section>
  );
}
