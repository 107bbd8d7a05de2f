import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  NOTIFICATION_KINDS,
  type TNotificationPreferencesBody,
} from '#shared/schemas/notifications.ts';
import { isVersionConflict } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { Button, LoadError, Loading, Notice, Page, Panel, useAnnounce } from '#web/ui/index.ts';
import { usePreferences, useSavePreferences } from './api';
import styles from './notifications.module.css';

const CHANNELS = ['in_app', 'email', 'off'] as const;
const WATCH = ['all', 'replies', 'none'] as const;

/** The browser's own time zone, the default until the person picks one. */
function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function zones(current: string): string[] {
  let all: string[];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  return [...new Set([current, 'UTC', ...all])].sort();
}

const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromTime = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Per kind in the app or off, "Notify me of" for comments, quiet hours and the time zone. */
export function NotificationSettingsPage() {
  const current = usePreferences();
  const save = useSavePreferences();
  const announce = useAnnounce();
  const [form, setForm] = useState<TNotificationPreferencesBody | null>(null);
  const [conflict, setConflict] = useState(false);
  const detected = useMemo(browserZone, []);

  useEffect(() => {
    if (current.data && form === null) {
      const prefs = current.data.preferences;
      setForm({ ...prefs, timeZone: prefs.timeZone ?? detected });
    }
  }, [current.data, form, detected]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form || !current.data) return;
    setConflict(false);
    save.mutate(
      { body: form, version: current.data.version },
      {
        onSuccess: () => announce(t('notifications.settings.saved')),
        onError: (error) => {
          if (!isVersionConflict(error)) return;
          setConflict(true);
          setForm(null);
          void current.refetch();
        },
      },
    );
  };

  return (
    <Page
      title={t('notifications.settings.title')}
      heading={t('notifications.settings.heading')}
      lead={t('notifications.settings.lead')}
      width="narrow"
    >
      {current.isPending && <Loading label={t('notifications.settings.loading')} />}
      {current.isError && (
        <LoadError message={current.error.message} onRetry={() => void current.refetch()} />
      )}
      {conflict && (
        <Notice role="alert">
          <p>{t('notifications.settings.conflict')}</p>
        </Notice>
      )}
      {save.isError && !conflict && (
        <Notice tone="problem" role="alert">
          <p>{save.error.message}</p>
        </Notice>
      )}
      {form && (
        <form onSubmit={submit} noValidate>
          <Panel heading={t('notifications.settings.kindsLegend')}>
            {NOTIFICATION_KINDS.map((kind) => (
              <fieldset key={kind} className={`${styles.fieldset} ${styles.row}`}>
                <legend className={styles.legend}>
                  {t(`notifications.settings.kind.${kind}`)}
                </legend>
                <div className={styles.options}>
                  {CHANNELS.map((channel) => (
                    <label key={channel} className={styles.option}>
                      <input
                        type="radio"
                        name={`channel-${kind}`}
                        checked={form.channels[kind] === channel}
                        onChange={() =>
                          setForm({ ...form, channels: { ...form.channels, [kind]: channel } })
                        }
                      />
                      {t(`notifications.settings.channel.${channel}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('notifications.settings.commentLegend')}</legend>
              <p className={styles.hint}>{t('notifications.settings.commentHint')}</p>
              <div className={styles.options}>
                {WATCH.map((mode) => (
                  <label key={mode} className={styles.option}>
                    <input
                      type="radio"
                      name="comment-default"
                      checked={form.commentDefault === mode}
                      onChange={() => setForm({ ...form, commentDefault: mode })}
                    />
                    {t(`notifications.settings.comment.${mode}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          </Panel>
          <Panel heading={t('notifications.settings.quietLegend')}>
            <p className={styles.hint}>{t('notifications.settings.quietHint')}</p>
            <label className={styles.option}>
              <input
                type="checkbox"
                checked={form.quietHours !== null}
                onChange={(event) =>
                  setForm({
                    ...form,
                    quietHours: event.target.checked ? { start: 22 * 60, end: 7 * 60 } : null,
                  })
                }
              />
              {t('notifications.settings.quietOn')}
            </label>
            {form.quietHours && (
              <div className={styles.times}>
                <div className={styles.field}>
                  <label htmlFor="quiet-start">{t('notifications.settings.quietStart')}</label>
                  <input
                    id="quiet-start"
                    type="time"
                    value={toTime(form.quietHours.start)}
                    onChange={(event) =>
                      setForm({
                        ...form,
                        quietHours: { ...form.quietHours!, start: fromTime(event.target.value) },
                      })
                    }
                  />
                </div>
                <div className={styles.field}>
                  <label htmlFor="quiet-end">{t('notifications.settings.quietEnd')}</label>
                  <input
                    id="quiet-end"
                    type="time"
                    value={toTime(form.quietHours.end)}
                    onChange={(event) =>
                      setForm({
                        ...form,
                        quietHours: { ...form.quietHours!, end: fromTime(event.target.value) },
                      })
                    }
                  />
                </div>
              </div>
            )}
            <div className={styles.field}>
              <label htmlFor="time-zone">{t('notifications.settings.timeZone')}</label>
              <p className={styles.hint} id="time-zone-hint">
                {t('notifications.settings.timeZoneHint', { zone: detected })}
              </p>
              <select
                id="time-zone"
                aria-describedby="time-zone-hint"
                value={form.timeZone ?? detected}
                onChange={(event) => setForm({ ...form, timeZone: event.target.value })}
              >
                {zones(form.timeZone ?? detected).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </div>
          </Panel>
          <p>
            <Button type="submit" pending={save.isPending}>
              {t('notifications.settings.save')}
            </Button>
          </p>
        </form>
      )}
      <p>
        <Link to="/notifications">{t('notifications.settings.back')}</Link>
      </p>
    </Page>
  );
}
