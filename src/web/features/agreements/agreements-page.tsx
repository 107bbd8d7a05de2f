import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  AGREEMENT_BODY_MAX,
  AGREEMENT_KIND_PHASE,
  AGREEMENT_KINDS,
  AGREEMENT_SECTIONS,
  AGREEMENT_TITLE_MAX,
  ZAgreementSections,
  type TAgreementKind,
  type TAgreementSection,
} from '#shared/schemas/agreements.ts';
import { isApiError } from '#web/core/api-client.ts';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  fieldErrorsFromZod,
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
import { AgreementCard } from './agreement-card';
import { useAgreements, useDraftAgreement } from './api';
import styles from './agreements.module.css';

type DraftField = TAgreementSection | 'kind';

/** Either partner starts an agreement; kinds of a later phase wait for the couple's pace. */
function DraftPanel({ phase, together }: { phase: number; together: boolean }) {
  const draft = useDraftAgreement();
  const announce = useAnnounce();
  const [kind, setKind] = useState<TAgreementKind>('ground-rules');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { errors, show, clear } = useFormErrors<DraftField>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.isPending) return;
    const parsed = ZAgreementSections.safeParse({ title, body });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, AGREEMENT_SECTIONS));
      return;
    }
    clear();
    draft.mutate(
      { kind, sections: parsed.data },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          announce(t('agreements.draft.saved'));
        },
        onError: (error) => {
          const fields = isApiError(error) ? error.fields : {};
          const named = Object.fromEntries(
            Object.entries(fields).map(([key, value]) => [key.replace(/^sections\./, ''), value]),
          );
          show(pickKnownFields(named, [...AGREEMENT_SECTIONS, 'kind'] as const), error.message);
        },
      },
    );
  };

  return (
    <Panel heading={t('agreements.draft.heading')}>
      <p>{t('agreements.draft.intro')}</p>
      {!together && (
        <Notice>
          <p>{t('agreements.alone')}</p>
        </Notice>
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={AGREEMENT_SECTIONS.flatMap((section) => {
          const message = errors.fields[section];
          return message ? [{ fieldId: `draft-${section}`, message }] : [];
        })}
      />
      <form className={styles.form} onSubmit={submit} noValidate>
        <fieldset className={styles.fieldset}>
          <legend>{t('agreements.draft.kind')}</legend>
          {AGREEMENT_KINDS.map((option) => {
            const waits = AGREEMENT_KIND_PHASE[option] > phase;
            const hintId = `draft-kind-${option}-hint`;
            return (
              <div key={option} className={styles.choice}>
                <input
                  type="radio"
                  id={`draft-kind-${option}`}
                  name="kind"
                  value={option}
                  checked={kind === option}
                  disabled={waits}
                  aria-describedby={hintId}
                  onChange={() => setKind(option)}
                />
                <label htmlFor={`draft-kind-${option}`}>{t(`agreements.kind.${option}`)}</label>
                <p id={hintId} className={styles.choiceHint}>
                  {waits
                    ? t(
                        AGREEMENT_KIND_PHASE[option] === 2
                          ? 'agreements.kind.waits2'
                          : 'agreements.kind.waits3',
                      )
                    : t(`agreements.kind.${option}.hint`)}
                </p>
              </div>
            );
          })}
        </fieldset>
        <TextField
          id="draft-title"
          label={t('agreements.field.title')}
          hint={t('agreements.field.title.hint')}
          value={title}
          maxLength={AGREEMENT_TITLE_MAX}
          onValueChange={setTitle}
          error={errors.fields.title}
        />
        <TextAreaField
          id="draft-body"
          label={t('agreements.field.body')}
          hint={t('agreements.field.body.hint')}
          max={AGREEMENT_BODY_MAX}
          hardLimit
          rows={6}
          value={body}
          onValueChange={setBody}
          error={errors.fields.body}
        />
        <Button type="submit" pending={draft.isPending}>
          {draft.isPending ? t('agreements.draft.saving') : t('agreements.draft.submit')}
        </Button>
      </form>
    </Panel>
  );
}

function InSpace({ partnerName }: { partnerName: string | null }) {
  const list = useAgreements();
  const [params] = useSearchParams();
  const wanted = params.get('agreement');
  // A notification opens the page at one agreement (its id, never its words, is in the link).
  useEffect(() => {
    if (!wanted || !list.data) return;
    document.getElementById(`agreement-${wanted}`)?.scrollIntoView({ block: 'start' });
  }, [wanted, list.data]);

  if (list.isPending) return <Loading label={t('agreements.loading')} />;
  if (list.isError) {
    return <LoadError message={list.error.message} onRetry={() => void list.refetch()} />;
  }
  const { agreements, jointWorkOpen, phase } = list.data;
  return (
    <>
      {jointWorkOpen ? (
        <DraftPanel phase={phase} together={partnerName !== null} />
      ) : (
        <JointWorkPaused />
      )}
      <h2>{t('agreements.list.heading')}</h2>
      {agreements.length === 0 ? (
        <p>{t('agreements.list.empty')}</p>
      ) : (
        agreements.map((agreement) => (
          <AgreementCard
            key={agreement.id}
            agreement={agreement}
            jointWorkOpen={jointWorkOpen}
            partnerName={partnerName}
          />
        ))
      )}
    </>
  );
}

/** /agreements: the agreements a couple writes and accepts together (issue 15, item 1). */
export function AgreementsPage() {
  const space = useSpace();
  return (
    <Page
      title={t('agreements.title')}
      heading={t('agreements.heading')}
      lead={t('agreements.lead')}
    >
      {space.isPending ? (
        <Loading label={t('agreements.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space ? (
        <InSpace partnerName={space.data.space.partner?.displayName ?? null} />
      ) : (
        <Notice>
          <p>{t('agreements.noSpace')}</p>
          <p>
            <Link to="/home">{t('agreements.noSpace.link')}</Link>
          </p>
        </Notice>
      )}
    </Page>
  );
}
