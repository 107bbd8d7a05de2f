import { useState } from 'react';
import { Link } from 'react-router';
import {
  HARD_DATE_PART_MAX,
  HARD_DATE_TITLE_MAX,
  REMIND_DAYS_DEFAULT,
  ZHardDate,
  ZHardDateInput,
  ZHardDatePartInput,
  type THardDate,
} from '#shared/schemas/goals.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { Button, buttonRowClass, Notice, Panel, useAnnounce } from '#web/ui/index.ts';
import { useAddHardDate, useEditHardDate, useHardDateAside, useSaveMyPart } from './api';
import { formatDay, formatMonthDay, SharedForm, type FieldSpec } from './fields';
import styles from './goals.module.css';

type DateField = 'title' | 'day' | 'yearly' | 'remindDays';

const dateFields = (): FieldSpec<DateField>[] => [
  {
    key: 'title',
    kind: 'line',
    label: t('goals.date.title'),
    hint: t('goals.date.title.hint'),
    max: HARD_DATE_TITLE_MAX,
  },
  { key: 'day', kind: 'day', label: t('goals.date.day') },
  { key: 'yearly', kind: 'check', label: t('goals.date.yearly') },
  {
    key: 'remindDays',
    kind: 'days',
    label: t('goals.date.remind'),
    hint: t('goals.date.remind.hint'),
  },
];

const dateBody = (v: Record<DateField, string>) => ({
  title: v.title,
  day: v.day,
  yearly: v.yearly === 'yes',
  remindDays: Number(v.remindDays),
});

const valuesOf = (d: THardDate): Record<DateField, string> => ({
  title: d.title,
  day: d.day,
  yearly: d.yearly ? 'yes' : '',
  remindDays: String(d.remindDays),
});

function dateFromCurrent(current: unknown) {
  const parsed = ZHardDate.safeParse(current);
  if (!parsed.success) return null;
  return {
    values: valuesOf(parsed.data),
    version: parsed.data.version,
    by: parsed.data.updatedBy.mine ? null : parsed.data.updatedBy.name,
  };
}

function HardDateCard({ date, canWrite }: { date: THardDate; canWrite: boolean }) {
  const edit = useEditHardDate();
  const aside = useHardDateAside();
  const savePart = useSaveMyPart();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const mine = date.parts.find((p) => p.mine);
  const theirs = date.parts.find((p) => !p.mine);

  return (
    <li className={styles.card} id={`hard-date-${date.id}`}>
      <h3>{date.title}</h3>
      <p>
        {date.yearly
          ? t('goals.date.whenYearly', { date: formatMonthDay(date.day) })
          : t('goals.date.whenOnce', { date: formatDay(date.day) })}
      </p>
      {!date.current && <p className={styles.quiet}>{t('goals.earlier')}</p>}
      <p className={styles.quiet}>
        {date.setAside
          ? t('goals.date.asideNote')
          : date.nextOn
            ? t('goals.date.next', { date: formatDay(date.nextOn), count: date.remindDays })
            : date.current
              ? t('goals.date.past')
              : ''}
      </p>
      <div className={styles.parts}>
        <section className={styles.part} aria-label={t('goals.date.mine')}>
          <h4>{t('goals.date.mine')}</h4>
          {writing ? (
            <SharedForm
              idPrefix={`part-${date.id}`}
              fields={[
                {
                  key: 'plan',
                  kind: 'long',
                  label: t('goals.date.mine.label'),
                  hint: t('goals.date.mine.hint'),
                  max: HARD_DATE_PART_MAX,
                },
              ]}
              initial={{ plan: mine?.plan ?? '' }}
              schema={ZHardDatePartInput}
              toBody={(v) => ({ plan: v.plan })}
              submitLabel={t('goals.date.mine.save')}
              savedWords={t('goals.date.mine.saved')}
              onSave={(body) => savePart.mutateAsync({ id: date.id, plan: body.plan })}
              onDone={() => setWriting(false)}
              onCancel={() => setWriting(false)}
            />
          ) : (
            <>
              {mine?.plan ? (
                <p className={styles.preserve}>{mine.plan}</p>
              ) : (
                <p className={styles.quiet}>{t('goals.date.mine.empty')}</p>
              )}
              {canWrite && !date.setAside && (
                <Button variant="secondary" onClick={() => setWriting(true)}>
                  {mine?.plan ? t('goals.date.mine.change') : t('goals.date.mine.write')}
                </Button>
              )}
            </>
          )}
        </section>
        {theirs && (
          <section
            className={styles.part}
            aria-label={t('goals.date.theirs', { name: theirs.name })}
          >
            <h4>{t('goals.date.theirs', { name: theirs.name })}</h4>
            {theirs.plan ? (
              <p className={styles.preserve}>{theirs.plan}</p>
            ) : (
              <p className={styles.quiet}>{t('goals.date.theirs.empty', { name: theirs.name })}</p>
            )}
          </section>
        )}
      </div>
      {problem && <p role="alert">{problem}</p>}
      {canWrite && editing && (
        <SharedForm
          idPrefix={`date-${date.id}`}
          fields={dateFields()}
          initial={valuesOf(date)}
          schema={ZHardDateInput}
          toBody={dateBody}
          submitLabel={t('goals.date.save')}
          savedWords={t('goals.date.saved')}
          version={date.version}
          fromCurrent={dateFromCurrent}
          onSave={(body, version) => edit.mutateAsync({ id: date.id, version, body })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      )}
      {canWrite && !editing && !writing && (
        <div className={buttonRowClass}>
          <Button variant="quiet" onClick={() => setEditing(true)}>
            {t('goals.date.edit')}
          </Button>
          <Button
            variant="quiet"
            pending={aside.isPending}
            onClick={() =>
              aside.mutate(
                { id: date.id, version: date.version, setAside: !date.setAside },
                {
                  onSuccess: () =>
                    announce(date.setAside ? t('goals.date.back') : t('goals.date.asideDone')),
                  onError: (error) =>
                    setProblem(
                      isApiError(error) && error.status === 412
                        ? t('goals.date.changedMeanwhile')
                        : error.message,
                    ),
                },
              )
            }
          >
            {date.setAside ? t('goals.date.bringBack') : t('goals.date.setAside')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** Dates that may hurt, and what each of us will do on them; reminders a few days before. */
export function HardDatesPanel({ dates, canWrite }: { dates: THardDate[]; canWrite: boolean }) {
  const add = useAddHardDate();
  return (
    <Panel heading={t('goals.dates.heading')} id="hard-dates">
      <p>{t('goals.dates.intro')}</p>
      <p className={styles.quiet}>
        {t('goals.dates.triggerPlan')}{' '}
        <Link to="/triggers#plan">{t('goals.dates.triggerLink')}</Link>
      </p>
      {dates.length === 0 ? (
        <p className={styles.quiet}>{t('goals.dates.none')}</p>
      ) : (
        <ul className={styles.list}>
          {dates.map((date) => (
            <HardDateCard key={date.id} date={date} canWrite={canWrite && date.current} />
          ))}
        </ul>
      )}
      {canWrite && (
        <>
          <h3>{t('goals.dates.addHeading')}</h3>
          <Notice>
            <p>{t('goals.dates.reminderNote')}</p>
          </Notice>
          <SharedForm
            idPrefix="new-date"
            fields={dateFields()}
            initial={{ title: '', day: '', yearly: 'yes', remindDays: String(REMIND_DAYS_DEFAULT) }}
            schema={ZHardDateInput}
            toBody={dateBody}
            submitLabel={t('goals.dates.add')}
            savedWords={t('goals.dates.added')}
            onSave={(body) => add.mutateAsync(body)}
          />
        </>
      )}
    </Panel>
  );
}
