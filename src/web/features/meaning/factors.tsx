import { useId, useState, type FormEvent } from 'react';
import {
  FACTOR_AREAS,
  FACTOR_TEXT_MAX,
  ZFactorInput,
  type TFactor,
  type TFactorArea,
} from '#shared/schemas/meaning.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  JointWorkPaused,
  LoadError,
  Loading,
  Panel,
  pickKnownFields,
  ShareControl,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useAddFactor, useFactorAction, useFactors } from './api';
import styles from './meaning.module.css';

export const AREA_LABEL = {
  relationship: 'meaning.factors.area.relationship',
  me: 'meaning.factors.area.me',
  partner: 'meaning.factors.area.partner',
  outside: 'meaning.factors.area.outside',
} as const satisfies Record<TFactorArea, MessageKey>;

type Field = 'area' | 'text';
const FIELDS: Field[] = ['area', 'text'];

/** The area choice and the words of one entry, for adding and for changing. */
function FactorFields({
  idPrefix,
  area,
  text,
  onArea,
  onText,
  errors,
}: {
  idPrefix: string;
  area: TFactorArea;
  text: string;
  onArea: (area: TFactorArea) => void;
  onText: (text: string) => void;
  errors: Partial<Record<Field, string>>;
}) {
  const hintId = `${idPrefix}-area-hint`;
  return (
    <>
      <p className={styles.field}>
        <label className={styles.label} htmlFor={`${idPrefix}-area`}>
          {t('meaning.factors.area')}
        </label>
        <span className={styles.hint} id={hintId}>
          {t('meaning.factors.area.hint')}
        </span>
        <select
          id={`${idPrefix}-area`}
          className={styles.select}
          aria-describedby={hintId}
          value={area}
          onChange={(event) => onArea(event.target.value as TFactorArea)}
        >
          {FACTOR_AREAS.map((a) => (
            <option key={a} value={a}>
              {t(AREA_LABEL[a])}
            </option>
          ))}
        </select>
      </p>
      <TextAreaField
        id={`${idPrefix}-text`}
        label={t('meaning.factors.text')}
        hint={t('meaning.factors.text.hint')}
        max={FACTOR_TEXT_MAX}
        rows={3}
        value={text}
        onValueChange={onText}
        error={errors.text}
      />
    </>
  );
}

function AddFactor() {
  const add = useAddFactor();
  const announce = useAnnounce();
  const [area, setArea] = useState<TFactorArea>('relationship');
  const [text, setText] = useState('');
  const { errors, show, clear } = useFormErrors<Field>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = ZFactorInput.safeParse({ area, text });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    add.mutate(parsed.data, {
      onSuccess: () => {
        setText('');
        announce(t('meaning.factors.added'));
      },
      onError: (error) =>
        show(pickKnownFields(isApiError(error) ? error.fields : {}, FIELDS), error.message),
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="factor-add-heading">
      <h3 id="factor-add-heading">{t('meaning.factors.add.heading')}</h3>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={FIELDS.flatMap((f) => {
          const message = errors.fields[f];
          return message ? [{ fieldId: `factor-add-${f}`, message }] : [];
        })}
      />
      <FactorFields
        idPrefix="factor-add"
        area={area}
        text={text}
        onArea={setArea}
        onText={setText}
        errors={errors.fields}
      />
      <Button type="submit" pending={add.isPending}>
        {add.isPending ? t('meaning.factors.adding') : t('meaning.factors.add')}
      </Button>
    </form>
  );
}

function MyFactor({
  factor,
  partnerName,
  canShare,
  paused,
}: {
  factor: TFactor;
  partnerName: string | null;
  canShare: boolean;
  paused: boolean;
}) {
  const action = useFactorAction();
  const announce = useAnnounce();
  const id = useId();
  const [editing, setEditing] = useState<{ area: TFactorArea; text: string } | null>(null);
  const { errors, show, clear } = useFormErrors<Field>();

  const run = (kind: 'share' | 'unshare' | 'remove', done: string) =>
    action.mutateAsync({ id: factor.id, kind }).then(() => announce(done));

  if (editing) {
    const submit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const parsed = ZFactorInput.safeParse(editing);
      if (!parsed.success) {
        show(fieldErrorsFromZod(parsed.error, FIELDS));
        return;
      }
      clear();
      action.mutate(
        { id: factor.id, kind: 'edit', body: parsed.data },
        {
          onSuccess: () => {
            setEditing(null);
            announce(t('meaning.factors.saved'));
          },
          onError: (error) =>
            show(pickKnownFields(isApiError(error) ? error.fields : {}, FIELDS), error.message),
        },
      );
    };
    return (
      <li className={styles.entry}>
        <form onSubmit={submit} noValidate aria-label={t('meaning.factors.edit.label')}>
          <ErrorSummary
            message={errors.message}
            focusKey={errors.focusKey}
            problems={FIELDS.flatMap((f) => {
              const message = errors.fields[f];
              return message ? [{ fieldId: `${id}-${f}`, message }] : [];
            })}
          />
          <FactorFields
            idPrefix={id}
            area={editing.area}
            text={editing.text}
            onArea={(area) => setEditing({ ...editing, area })}
            onText={(text) => setEditing({ ...editing, text })}
            errors={errors.fields}
          />
          <div className={buttonRowClass}>
            <Button type="submit" pending={action.isPending}>
              {t('meaning.factors.save')}
            </Button>
            <Button variant="quiet" onClick={() => setEditing(null)}>
              {t('meaning.factors.cancel')}
            </Button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className={styles.entry}>
      <p className={styles.preserve}>{factor.text}</p>
      {canShare || factor.shared ? (
        <ShareControl
          shared={factor.shared}
          partnerName={partnerName}
          sharingPaused={paused}
          onShare={() => run('share', t('meaning.factors.sharedNow', { name: partnerName ?? '' }))}
          onMakePrivate={() => run('unshare', t('meaning.factors.unshared'))}
        />
      ) : (
        <p className={styles.status}>{t('meaning.factors.private')}</p>
      )}
      <div className={styles.actions}>
        {/* A shared entry changes only while joint work is open (the partner reads the change). */}
        {(!factor.shared || !paused) && (
          <Button
            variant="quiet"
            aria-label={t('meaning.factors.edit.label')}
            onClick={() => setEditing({ area: factor.area, text: factor.text })}
          >
            {t('meaning.factors.edit')}
          </Button>
        )}
        <Button
          variant="quiet"
          aria-label={t('meaning.factors.remove.label')}
          pending={action.isPending}
          onClick={() => void run('remove', t('meaning.factors.removed'))}
        >
          {t('meaning.factors.remove')}
        </Button>
      </div>
    </li>
  );
}

/** Entries grouped by where they belong, in the fixed order of the areas. */
function Grouped({
  factors,
  render,
  level,
}: {
  factors: TFactor[];
  render: (factor: TFactor) => React.ReactNode;
  level: 'h4';
}) {
  const Heading = level;
  return (
    <div className={styles.groups}>
      {FACTOR_AREAS.map((area) => {
        const inArea = factors.filter((f) => f.area === area);
        if (inArea.length === 0) return null;
        return (
          <section key={area} className={styles.group}>
            <Heading>{t(AREA_LABEL[area])}</Heading>
            <ul className={styles.list}>{inArea.map(render)}</ul>
          </section>
        );
      })}
    </div>
  );
}

/** The contributing-factors map: my own list (private drafts, shared by choice) and my partner's. */
export function FactorsPanel({ partnerName }: { partnerName: string | null }) {
  const map = useFactors();
  return (
    <Panel heading={t('meaning.factors.heading')} id="factors">
      <p>{t('meaning.factors.intro')}</p>
      {map.isPending ? (
        <Loading label={t('meaning.loading')} />
      ) : map.isError ? (
        <LoadError message={map.error.message} onRetry={() => void map.refetch()} />
      ) : (
        <>
          {!partnerName && <p className={styles.quiet}>{t('meaning.factors.noPartner')}</p>}
          {partnerName && map.data.paceOpen && !map.data.jointWorkOpen && <JointWorkPaused />}
          <AddFactor />
          <h3>{t('meaning.factors.mine.heading')}</h3>
          {map.data.mine.length === 0 ? (
            <p className={styles.quiet}>{t('meaning.factors.mine.empty')}</p>
          ) : (
            <Grouped
              level="h4"
              factors={map.data.mine}
              render={(factor) => (
                <MyFactor
                  key={factor.id}
                  factor={factor}
                  partnerName={partnerName}
                  canShare={map.data.paceOpen}
                  paused={!map.data.jointWorkOpen}
                />
              )}
            />
          )}
          {partnerName && (
            <>
              <h3>{t('meaning.factors.partner.heading', { name: partnerName })}</h3>
              {map.data.partner.length === 0 ? (
                <p className={styles.quiet}>{t('meaning.factors.partner.empty')}</p>
              ) : (
                <Grouped
                  level="h4"
                  factors={map.data.partner}
                  render={(factor) => (
                    <li key={factor.id} className={styles.entry}>
                      <p className={styles.preserve}>{factor.text}</p>
                    </li>
                  )}
                />
              )}
            </>
          )}
        </>
      )}
    </Panel>
  );
}
