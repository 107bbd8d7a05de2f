import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { OFFER_TEXT_MAX, ZOfferCreateBody, type TOffer } from '#shared/schemas/transparency.ts';
import { isApiError } from '#web/core/api-client.ts';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  formatDateTime,
  formatDay,
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
import { useMakeOffer, useOfferChange, useOffers } from './api';
import styles from './transparency.module.css';

const STARTERS = [
  'transparency.starter.contact',
  'transparency.starter.plans',
  'transparency.starter.asked',
  'transparency.starter.questions',
] as const;

const FIELDS = ['text', 'reviewOn', 'endsOn'] as const;
type Field = (typeof FIELDS)[number];

/** A day `days` from today, as `YYYY-MM-DD` in the person's own calendar. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The involved partner offers something, starting from our words or their own. */
function OfferForm({ partnerName }: { partnerName: string }) {
  const make = useMakeOffer();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [reviewOn, setReviewOn] = useState(dayFromToday(14));
  const [endsOn, setEndsOn] = useState(dayFromToday(90));
  const { errors, show, clear } = useFormErrors<Field>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (make.isPending) return;
    const parsed = ZOfferCreateBody.safeParse({ text, reviewOn, endsOn });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    make.mutate(parsed.data, {
      onSuccess: () => {
        setText('');
        announce(t('transparency.offer.saved', { name: partnerName }));
      },
      onError: (error) =>
        show(pickKnownFields(isApiError(error) ? error.fields : {}, FIELDS), error.message),
    });
  };

  return (
    <Panel heading={t('transparency.offer.heading')}>
      <p>{t('transparency.offer.intro')}</p>
      <ul className={styles.starters}>
        {STARTERS.map((key) => (
          <li key={key}>
            <p>{t(key)}</p>
            <Button
              variant="secondary"
              onClick={() => {
                setText(t(key));
                announce(t('transparency.starter.used'));
              }}
            >
              {t('transparency.starter.use')}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={FIELDS.flatMap((field) => {
          const message = errors.fields[field];
          return message ? [{ fieldId: `offer-${field}`, message }] : [];
        })}
      />
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextAreaField
          id="offer-text"
          label={t('transparency.field.text')}
          max={OFFER_TEXT_MAX}
          hardLimit
          rows={3}
          value={text}
          onValueChange={setText}
          error={errors.fields.text}
        />
        <TextField
          id="offer-reviewOn"
          type="date"
          label={t('transparency.field.reviewOn')}
          hint={t('transparency.field.reviewOn.hint')}
          value={reviewOn}
          onValueChange={setReviewOn}
          error={errors.fields.reviewOn}
        />
        <TextField
          id="offer-endsOn"
          type="date"
          label={t('transparency.field.endsOn')}
          hint={t('transparency.field.endsOn.hint')}
          value={endsOn}
          onValueChange={setEndsOn}
          error={errors.fields.endsOn}
        />
        <Button type="submit" pending={make.isPending}>
          {make.isPending ? t('transparency.offer.saving') : t('transparency.offer.submit')}
        </Button>
      </form>
    </Panel>
  );
}

function stateWords(offer: TOffer, partnerName: string): string {
  switch (offer.state) {
    case 'waiting':
      return offer.mine
        ? t('transparency.state.waiting.mine', { name: partnerName })
        : t('transparency.state.waiting.theirs');
    case 'accepted':
      return t('transparency.state.accepted');
    case 'declined':
      return t('transparency.state.declined');
    case 'ended':
      return t('transparency.state.ended');
    case 'paused': {
      const date = formatDateTime(offer.paused!.at);
      return offer.paused!.by.mine
        ? t('transparency.state.pausedByYou', { date })
        : t('transparency.state.pausedBy', { name: offer.paused!.by.name, date });
    }
  }
}

function OfferItem({
  offer,
  partnerName,
  jointWorkOpen,
}: {
  offer: TOffer;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const change = useOfferChange();
  const announce = useAnnounce();
  const act = (what: 'answer' | 'pause' | 'dates', body: unknown, done: string) => {
    if (change.isPending) return;
    change.mutate(
      { id: offer.id, what, version: offer.version, body },
      { onSuccess: () => announce(done) },
    );
  };
  const today = dayFromToday(0);
  return (
    <li className={styles.offer}>
      <p className={styles.text}>{offer.text}</p>
      <p className={styles.quiet}>
        {offer.mine
          ? t('transparency.offeredByYou', { date: formatDate(offer.offeredAt) })
          : t('transparency.offeredBy', {
              name: offer.offeredBy.name,
              date: formatDate(offer.offeredAt),
            })}
      </p>
      <p className={styles.status}>{stateWords(offer, partnerName)}</p>
      {offer.state !== 'ended' && (
        <p className={styles.quiet}>
          {t('transparency.dates', {
            review: formatDay(offer.reviewOn),
            ends: formatDay(offer.endsOn),
          })}
        </p>
      )}
      {offer.reviewDue && (
        <Notice>
          <p>{t('transparency.reviewDue')}</p>
        </Notice>
      )}
      {change.isError && (
        <p role="alert" className={styles.error}>
          {change.error.message}
        </p>
      )}
      <div className={buttonRowClass}>
        {offer.state === 'waiting' && !offer.mine && jointWorkOpen && (
          <>
            <Button
              pending={change.isPending}
              onClick={() => act('answer', { accept: true }, t('transparency.accepted'))}
            >
              {t('transparency.accept')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => act('answer', { accept: false }, t('transparency.declined'))}
            >
              {t('transparency.decline')}
            </Button>
          </>
        )}
        {offer.state === 'accepted' && (
          <Button
            variant="secondary"
            pending={change.isPending}
            onClick={() =>
              act('pause', { paused: true }, t('transparency.paused', { name: partnerName }))
            }
          >
            {t('transparency.pause')}
          </Button>
        )}
        {offer.state === 'paused' && offer.paused?.by.mine && jointWorkOpen && (
          <Button
            variant="secondary"
            pending={change.isPending}
            onClick={() => act('pause', { paused: false }, t('transparency.resumed'))}
          >
            {t('transparency.resume')}
          </Button>
        )}
        {offer.mine && offer.state !== 'ended' && (
          <Button
            variant="quiet"
            onClick={() =>
              act('dates', { reviewOn: today, endsOn: today }, t('transparency.ended'))
            }
          >
            {t('transparency.endNow')}
          </Button>
        )}
      </div>
      {offer.state === 'accepted' && <p className={styles.quiet}>{t('transparency.pauseNote')}</p>}
      {offer.state === 'paused' && offer.paused?.by.mine && (
        <p className={styles.quiet}>
          {t('transparency.pausedCheckin')}{' '}
          <Link to="/checkins">{t('transparency.pausedCheckinLink')}</Link>
        </p>
      )}
    </li>
  );
}

function InSpace({ partnerName }: { partnerName: string | null }) {
  const offers = useOffers();
  if (offers.isPending) return <Loading label={t('transparency.loading')} />;
  if (offers.isError) {
    return <LoadError message={offers.error.message} onRetry={() => void offers.refetch()} />;
  }
  const { canOffer, jointWorkOpen } = offers.data;
  return (
    <>
      {!jointWorkOpen && <JointWorkPaused />}
      {!partnerName ? (
        <Notice>
          <p>{t('transparency.offer.alone')}</p>
        </Notice>
      ) : canOffer ? (
        jointWorkOpen && <OfferForm partnerName={partnerName} />
      ) : (
        <p>{t('transparency.offer.notYours')}</p>
      )}
      <Panel heading={t('transparency.list.heading')}>
        {offers.data.offers.length === 0 ? (
          <p>{t('transparency.list.empty')}</p>
        ) : (
          <ul className={styles.offers}>
            {offers.data.offers.map((offer) => (
              <OfferItem
                key={offer.id}
                offer={offer}
                partnerName={partnerName ?? ''}
                jointWorkOpen={jointWorkOpen}
              />
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

/** /transparency: offers of openness, never surveillance (issue 15, item 2). */
export function TransparencyPage() {
  const space = useSpace();
  return (
    <Page
      title={t('transparency.title')}
      heading={t('transparency.heading')}
      lead={t('transparency.lead')}
    >
      <Panel heading={t('transparency.why.heading')} quiet>
        <p>{t('transparency.why.body')}</p>
      </Panel>
      {space.isPending ? (
        <Loading label={t('transparency.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space ? (
        <InSpace partnerName={space.data.space.partner?.displayName ?? null} />
      ) : (
        <Notice>
          <p>{t('transparency.noSpace')}</p>
          <p>
            <Link to="/home">{t('transparency.noSpace.link')}</Link>
          </p>
        </Notice>
      )}
    </Page>
  );
}
