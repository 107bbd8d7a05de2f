import { useId, useState } from 'react';
import type { TSupportService } from '#shared/schemas/safety.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import { formatDate, LoadError, Loading } from '#web/ui/index.ts';
import { useMe } from '#web/core/session.ts';
import { browserRegion, useSafetyState, useSaveRegion, useSupportResources } from './api';
import styles from './safety.module.css';

const CONTACT_LABEL = {
  phone: 'safety.contact.phone',
  text: 'safety.contact.text',
  tty: 'safety.contact.tty',
  web: 'safety.contact.web',
} as const satisfies Record<TSupportService['contacts'][number]['type'], MessageKey>;

export interface SupportResourcesProps {
  /** The person's saved region, or their browser's. */
  initialRegion: string;
  /** Called when the person picks another region (signed-in people keep their choice). */
  onRegionChange?: (region: string) => void;
  headingLevel?: 2 | 3 | 4;
}

/** Crisis and support services for a region, with a way to choose another region. */
export function SupportResources({
  initialRegion,
  onRegionChange,
  headingLevel = 2,
}: SupportResourcesProps) {
  const [region, setRegion] = useState(initialRegion);
  const resources = useSupportResources(region);
  const selectId = useId();
  const Heading = `h${headingLevel}` as const;

  return (
    <section className={styles.resources} aria-labelledby={`${selectId}-heading`}>
      <Heading id={`${selectId}-heading`}>{t('safety.resources.heading')}</Heading>
      <p className={styles.emergency}>{t('safety.resources.emergency')}</p>
      {resources.isPending ? (
        <Loading label={t('safety.resources.loading')} />
      ) : resources.isError ? (
        <LoadError message={resources.error.message} onRetry={() => void resources.refetch()} />
      ) : (
        <>
          <div className={styles.regionPicker}>
            <label htmlFor={selectId}>{t('safety.resources.region')}</label>
            <select
              id={selectId}
              value={resources.data.region.id}
              onChange={(event) => {
                setRegion(event.target.value);
                onRegionChange?.(event.target.value);
              }}
            >
              {resources.data.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <ul className={styles.services}>
            {resources.data.services.map((service) => (
              <ServiceCard
                key={service.name}
                service={service}
                headingLevel={(headingLevel + 1) as 3 | 4 | 5}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ServiceCard({
  service,
  headingLevel,
}: {
  service: TSupportService;
  headingLevel: 3 | 4 | 5;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className={styles.service}>
      <Heading className={styles.serviceName}>{service.name}</Heading>
      <p>{service.about}</p>
      {service.contacts.length > 0 && (
        <ul className={styles.contacts}>
          {service.contacts.map((contact) => (
            <li key={`${contact.type}:${contact.value}`}>
              <span className={styles.contactType}>{t(CONTACT_LABEL[contact.type])}</span>{' '}
              <ContactValue type={contact.type} value={contact.value} />
            </li>
          ))}
        </ul>
      )}
      <p className={styles.checked}>
        {t('safety.resources.checked', { date: formatDate(`${service.verified}T12:00:00Z`) })}{' '}
        <a href={service.source} rel="noreferrer nofollow" target="_blank">
          {t('safety.resources.source')}
        </a>
      </p>
    </li>
  );
}

function ContactValue({ type, value }: { type: string; value: string }) {
  if (type === 'phone') return <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>;
  if (type === 'web') {
    return (
      <a href={value} rel="noreferrer nofollow" target="_blank">
        {new URL(value).host}
      </a>
    );
  }
  return <span>{value}</span>;
}

/**
 * The services for the signed-in person's own region (their saved choice, else their browser's
 * language), for other features' pages to show; the app shell composes it in.
 */
export function SupportResourcesForMe({ headingLevel = 3 }: { headingLevel?: 2 | 3 | 4 }) {
  const me = useMe();
  const state = useSafetyState(Boolean(me.data));
  const saveRegion = useSaveRegion();
  if (me.data && state.isPending) return <Loading label={t('safety.resources.loading')} />;
  return (
    <SupportResources
      headingLevel={headingLevel}
      initialRegion={state.data?.region ?? browserRegion()}
      {...(me.data ? { onRegionChange: (region) => saveRegion.mutate({ region }) } : {})}
    />
  );
}
