import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { TMeasureSummary, TSubmittedResponse } from '#shared/schemas/measures.ts';
import { t } from '#web/i18n/index.ts';
import { useSpaceHasTherapist } from '#web/core/space-therapist.ts';
import {
  Button,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  ShareControl,
  TherapistShareControl,
} from '#web/ui/index.ts';
import { useMeasures, useSetVisibility, useTherapistShareResponse } from './api';
import { HistoryTable } from './history-table';
import { MeasureForm } from './measure-form';
import styles from './measures.module.css';
import { SupportPanel } from './support-panel';

export interface MeasurePageProps {
  /** Region-based support lines (the safety feature's list), composed in by the app shell. */
  supportResources?: ReactNode;
}

/** `/measures/:measureId`: this week's form, the result in words, my weeks, and what was shared. */
export function MeasurePage({ supportResources }: MeasurePageProps) {
  const { measureId } = useParams();
  const measures = useMeasures();
  const measure = measures.data?.measures.find((candidate) => candidate.id === measureId);
  const heading = measures.isPending
    ? t('measures.title')
    : (measure?.title ?? t('measures.notFound.heading'));

  return (
    <Page title={heading} heading={heading} lead={measure?.intro}>
      <p>
        <Link to="/measures">{t('measures.back')}</Link>
      </p>
      {measures.isPending ? (
        <Loading label={t('measures.loading')} />
      ) : measures.isError ? (
        <LoadError message={measures.error.message} onRetry={() => void measures.refetch()} />
      ) : !measure ? (
        <p>{t('measures.notFound.body')}</p>
      ) : (
        <MeasureSections
          key={measure.id}
          measure={measure}
          partnerName={measures.data.sharing.partnerName}
          sharingPaused={measures.data.sharing.paused}
          supportResources={supportResources}
        />
      )}
    </Page>
  );
}

interface SectionsProps {
  measure: TMeasureSummary;
  partnerName: string | null;
  sharingPaused: boolean;
  supportResources: ReactNode;
}

function MeasureSections({ measure, partnerName, sharingPaused, supportResources }: SectionsProps) {
  const [submitted, setSubmitted] = useState<TSubmittedResponse | null>(null);
  // Whether this week's was already done when the page opened; a save now does not change it.
  const [doneWhenOpened] = useState(!measure.due);

  return (
    <>
      {submitted ? (
        <Result
          submitted={submitted}
          onChange={setSubmitted}
          onAgain={() => setSubmitted(null)}
          partnerName={partnerName}
          sharingPaused={sharingPaused}
          supportResources={supportResources}
        />
      ) : (
        <Panel heading={t('measures.form.heading')}>
          {doneWhenOpened && (
            <Notice>
              <p>{t('measures.alreadyThisWeek')}</p>
            </Notice>
          )}
          <MeasureForm measure={measure} onSaved={setSubmitted} />
        </Panel>
      )}
      {measure.source && (
        <p className={styles.quiet}>{t('measures.source', { source: measure.source })}</p>
      )}
      <Panel heading={t('measures.history.heading')}>
        <HistoryTable
          measure={measure}
          whose="mine"
          partnerName={partnerName}
          sharingPaused={sharingPaused}
        />
      </Panel>
      {partnerName && (
        <Panel heading={t('measures.partner.heading', { name: partnerName })}>
          <p className={styles.quiet}>{t('measures.partner.note')}</p>
          <HistoryTable
            measure={measure}
            whose="partner"
            partnerName={partnerName}
            sharingPaused={sharingPaused}
          />
        </Panel>
      )}
    </>
  );
}

interface ResultProps {
  submitted: TSubmittedResponse;
  onChange: (submitted: TSubmittedResponse) => void;
  onAgain: () => void;
  partnerName: string | null;
  sharingPaused: boolean;
  supportResources: ReactNode;
}

/**
 * What a saved check-in says, in words: the week as a whole and its parts. When an answer
 * reached a question's alert level, the support panel comes first. Focus moves to the heading,
 * so a screen reader starts reading here.
 */
function Result({
  submitted,
  onChange,
  onAgain,
  partnerName,
  sharingPaused,
  supportResources,
}: ResultProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const setVisibility = useSetVisibility();
  const therapistShare = useTherapistShareResponse();
  const therapistAvailable = useSpaceHasTherapist();
  const { response, support } = submitted;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const change = async (visibility: 'partner' | 'private') => {
    const updated = await setVisibility.mutateAsync({ id: response.id, visibility });
    onChange({ ...submitted, response: updated });
  };

  return (
    <section className={styles.result} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('measures.result.heading')}
      </h2>
      {support && <SupportPanel resources={supportResources} />}
      {response.total.band ? (
        <>
          <p className={styles.words}>{response.total.band.label}</p>
          {response.total.band.description && <p>{response.total.band.description}</p>}
        </>
      ) : (
        <p>{t('measures.result.notEnoughOverall')}</p>
      )}
      {response.subscales.length > 0 && (
        <>
          <h3>{t('measures.result.parts')}</h3>
          <dl className={styles.parts}>
            {response.subscales.map((part) => (
              <div key={part.id} className={styles.part}>
                <dt>{part.title}</dt>
                <dd>{part.band?.label ?? t('measures.result.notEnough')}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className={styles.shareBlock}>
        <ShareControl
          shared={response.visibility === 'partner'}
          sharedWithTherapist={response.sharedWithTherapist}
          partnerName={partnerName}
          sharingPaused={sharingPaused}
          onShare={() => change('partner')}
          onMakePrivate={() => change('private')}
        />
        {partnerName && response.visibility === 'private' && (
          <p className={styles.quiet}>{t('measures.share.note', { name: partnerName })}</p>
        )}
        <TherapistShareControl
          shared={response.sharedWithTherapist}
          therapistAvailable={therapistAvailable}
          onChange={async (shared) => {
            const updated = await therapistShare.mutateAsync({ id: response.id, shared });
            onChange({ ...submitted, response: updated });
          }}
        />
      </div>
      <p>
        <Button variant="quiet" onClick={onAgain}>
          {t('measures.result.again')}
        </Button>
      </p>
    </section>
  );
}
