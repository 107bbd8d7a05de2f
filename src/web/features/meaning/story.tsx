import { useState, type FormEvent } from 'react';
import { STORY_TEXT_MAX, ZStoryDraftBody, type TStoryVersion } from '#shared/schemas/meaning.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  Panel,
  ShareControl,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { StoryConflict, useSaveStory, useShareStory, useStories, useUnshareStory } from './api';
import styles from './meaning.module.css';

function VersionList({ versions }: { versions: TStoryVersion[] }) {
  return (
    <ol className={styles.versions}>
      {versions.map((v) => (
        <VersionItem key={v.number} version={v} />
      ))}
    </ol>
  );
}

function VersionItem({ version }: { version: TStoryVersion }) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <p>
        {t('meaning.story.version', {
          number: version.number,
          date: formatDateTime(version.sharedAt),
        })}
      </p>
      <Button variant="quiet" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open
          ? t('meaning.story.version.hide', { number: version.number })
          : t('meaning.story.version.show', { number: version.number })}
      </Button>
      {open && <p className={styles.preserve}>{version.text}</p>}
    </li>
  );
}

/** My own account: a private draft, shared by choice as a kept version. */
function MyStory({
  partnerName,
  canShare,
  paused,
}: {
  partnerName: string | null;
  canShare: boolean;
  paused: boolean;
}) {
  const stories = useStories();
  const save = useSaveStory();
  const share = useShareStory();
  const unshare = useUnshareStory();
  const announce = useAnnounce();
  const mine = stories.data!.mine;
  const [draft, setDraft] = useState(mine.text);
  const [base, setBase] = useState(mine.version);
  const [conflict, setConflict] = useState<{ text: string } | null>(null);
  const { errors, show, clear } = useFormErrors<'text'>();
  const dirty = draft !== mine.text || base !== mine.version;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = ZStoryDraftBody.safeParse({ text: draft });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, ['text']));
      return;
    }
    clear();
    save.mutate(
      { version: base, text: parsed.data.text },
      {
        onSuccess: ({ mine: saved }) => {
          setBase(saved.version);
          setConflict(null);
          announce(t('meaning.story.saved'));
        },
        onError: (error) => {
          if (error instanceof StoryConflict) {
            // Keep every word typed; build on the version that is there now.
            setBase(error.current.version);
            setConflict({ text: error.current.text });
            return;
          }
          show(
            isApiError(error) && error.fields.text ? { text: error.fields.text } : {},
            error.message,
          );
        },
      },
    );
  };

  const name = partnerName ?? '';
  const shareNow = () =>
    share.mutateAsync({ version: mine.version }).then(({ mine: shared }) => {
      setBase(shared.version);
      announce(t('meaning.story.sharedNow', { name }));
    });

  return (
    <>
      {conflict && (
        <ConflictPanel
          heading={t('meaning.story.conflict.heading')}
          body={t('meaning.story.conflict.body')}
          parts={[
            { key: 'text', label: t('meaning.story.field'), mine: draft, saved: conflict.text },
          ]}
          onUseSaved={() => {
            setDraft(conflict.text);
            setConflict(null);
          }}
        />
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={
          errors.fields.text ? [{ fieldId: 'story-text', message: errors.fields.text }] : []
        }
      />
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextAreaField
          id="story-text"
          label={t('meaning.story.field')}
          hint={t('meaning.story.field.hint')}
          max={STORY_TEXT_MAX}
          rows={10}
          value={draft}
          onValueChange={setDraft}
          error={errors.fields.text}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('meaning.story.saving') : t('meaning.story.save')}
          </Button>
        </div>
      </form>
      <p className={styles.quiet}>
        {mine.shared ? t('meaning.story.sharedState', { name }) : t('meaning.story.private')}
      </p>
      {mine.shared && mine.hasUnsharedChanges && !dirty && partnerName && canShare && !paused && (
        <>
          <p className={styles.status}>{t('meaning.story.unsharedChanges', { name })}</p>
          <Button variant="secondary" pending={share.isPending} onClick={() => void shareNow()}>
            {share.isPending ? t('meaning.story.sharing') : t('meaning.story.shareAgain', { name })}
          </Button>
        </>
      )}
      {partnerName && canShare && mine.id && (
        <>
          {dirty && !mine.shared && <p className={styles.quiet}>{t('meaning.story.saveFirst')}</p>}
          {(mine.shared || (!dirty && mine.text.trim() !== '')) && (
            <ShareControl
              shared={mine.shared}
              partnerName={partnerName}
              sharingPaused={paused}
              onShare={shareNow}
              onMakePrivate={() =>
                unshare.mutateAsync().then(({ mine: now }) => {
                  setBase(now.version);
                  announce(t('meaning.story.unshared'));
                })
              }
            />
          )}
        </>
      )}
      {mine.versions.length > 0 && (
        <details className={styles.more}>
          <summary>{t('meaning.story.versions.heading')}</summary>
          <VersionList versions={mine.versions} />
        </details>
      )}
      {mine.id && mine.shared && (
        <CommentsSection kind="meaning-story" itemId={mine.id} audience="partner" />
      )}
    </>
  );
}

function PartnerStory({ partnerName }: { partnerName: string }) {
  const stories = useStories();
  const partner = stories.data!.partner;
  return (
    <section aria-labelledby="partner-story-heading">
      <h3 id="partner-story-heading">
        {t('meaning.story.partner.heading', { name: partnerName })}
      </h3>
      {!partner ? (
        <p className={styles.quiet}>{t('meaning.story.partner.none', { name: partnerName })}</p>
      ) : (
        <>
          <p className={styles.quiet}>
            {t('meaning.story.partner.latest', {
              date: formatDateTime(partner.versions[0]!.sharedAt),
            })}
          </p>
          <p className={styles.preserve}>{partner.versions[0]!.text}</p>
          {partner.versions.length > 1 && (
            <details className={styles.more}>
              <summary>{t('meaning.story.partner.earlier')}</summary>
              <VersionList versions={partner.versions.slice(1)} />
            </details>
          )}
          <CommentsSection kind="meaning-story" itemId={partner.id} audience="partner" />
        </>
      )}
    </section>
  );
}

/**
 * The meaning story: the involved partner writes their own account in private and shares it as
 * kept versions; the hurt partner reads it and may answer with comments. Roles come from the
 * injuries the couple recorded; without any, both see both parts.
 */
export function StoryPanel({ partnerName }: { partnerName: string | null }) {
  const stories = useStories();
  return (
    <Panel heading={t('meaning.story.heading')} id="story">
      {stories.isPending ? (
        <Loading label={t('meaning.loading')} />
      ) : stories.isError ? (
        <LoadError message={stories.error.message} onRetry={() => void stories.refetch()} />
      ) : (
        (() => {
          const { roles, paceOpen, jointWorkOpen, mine } = stories.data;
          const onlyHurt = roles.length === 1 && roles[0] === 'hurt' && mine.id === null;
          return (
            <>
              <p>{onlyHurt ? t('meaning.story.hurtIntro') : t('meaning.story.intro')}</p>
              {partnerName && paceOpen && !jointWorkOpen && <JointWorkPaused />}
              {!onlyHurt && (
                <MyStory
                  key={mine.id ?? 'new'}
                  partnerName={partnerName}
                  canShare={paceOpen}
                  paused={!jointWorkOpen}
                />
              )}
              {partnerName && <PartnerStory partnerName={partnerName} />}
            </>
          );
        })()
      )}
    </Panel>
  );
}
