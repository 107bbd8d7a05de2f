import { useState, type FormEvent } from 'react';
import type { TMeasureSummary, TSubmittedResponse } from '#shared/schemas/measures.ts';
import { t } from '#web/i18n/index.ts';
import { Button, ErrorSummary, Notice, useFormErrors } from '#web/ui/index.ts';
import { useSubmitResponse } from './api';
import styles from './measures.module.css';
import questionStyles from '#web/ui/question.module.css';

export interface MeasureFormProps {
  measure: TMeasureSummary;
  onSaved: (submitted: TSubmittedResponse) => void;
}

/** The id of an item's first option: where the error summary sends focus. */
function optionId(measureId: string, itemId: string, index: number): string {
  return `${measureId}-${itemId}-${index}`;
}

/**
 * One calm form: every question is a radio group in a fieldset, its legend the question. Native
 * radios, so the keyboard works as everywhere (Tab between questions, arrows between answers).
 * Every question may be skipped; the server checks each answer against the definition.
 */
export function MeasureForm({ measure, onSaved }: MeasureFormProps) {
  const submit = useSubmitResponse();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [changed, setChanged] = useState(false);
  const { errors, show, clear } = useFormErrors<string>();
  const firstItem = measure.items[0]?.id ?? '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submit.isPending) return;
    if (Object.keys(answers).length === 0) {
      show({ [firstItem]: t('measures.form.noneAnswered') });
      return;
    }
    clear();
    submit.mutate(
      { measureId: measure.id, measureVersion: measure.version, answers },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error.code === 'conflict') {
            setChanged(true);
            show({}, t('measures.form.changed'));
            return;
          }
          const fields: Record<string, string> = {};
          for (const [name, message] of Object.entries(error.fields)) {
            if (name.startsWith('answers.')) fields[name.slice('answers.'.length)] = message;
            else if (name === 'answers') fields[firstItem] = message;
          }
          show(fields, error.message);
        },
      },
    );
  };

  return (
    <>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={measure.items.flatMap((item) => {
          const message = errors.fields[item.id];
          return message ? [{ fieldId: optionId(measure.id, item.id, 0), message }] : [];
        })}
      />
      {changed && (
        <p>
          <Button variant="secondary" onClick={() => window.location.reload()}>
            {t('measures.form.reload')}
          </Button>
        </p>
      )}
      <p className={styles.quiet}>{t('measures.form.hint')}</p>
      <form onSubmit={onSubmit} noValidate>
        {measure.items.map((item, index) => {
          const error = errors.fields[item.id];
          const errorId = `${measure.id}-${item.id}-error`;
          return (
            <fieldset
              key={item.id}
              className={questionStyles.question}
              aria-describedby={error ? errorId : undefined}
            >
              <legend className={questionStyles.legend}>
                <span className={questionStyles.number}>
                  {t('measures.form.question', {
                    number: index + 1,
                    count: measure.items.length,
                  })}
                </span>
                <span className={questionStyles.questionText}>{item.text}</span>
              </legend>
              {error && (
                <p id={errorId} className={questionStyles.error}>
                  {error}
                </p>
              )}
              <div className={questionStyles.options}>
                {item.options.map((option, optionIndex) => {
                  const id = optionId(measure.id, item.id, optionIndex);
                  return (
                    <label key={option.value} className={questionStyles.option} htmlFor={id}>
                      <input
                        id={id}
                        type="radio"
                        name={`${measure.id}-${item.id}`}
                        value={option.value}
                        checked={answers[item.id] === option.value}
                        onChange={() =>
                          setAnswers((current) => ({ ...current, [item.id]: option.value }))
                        }
                      />
                      <span>{option.label}</span>
                    </label>
                  );
                })}
              </div>
              {answers[item.id] !== undefined && (
                <button
                  type="button"
                  className={styles.clear}
                  onClick={() =>
                    setAnswers((current) => {
                      const rest = { ...current };
                      delete rest[item.id];
                      return rest;
                    })
                  }
                >
                  {t('measures.form.clear', { number: index + 1 })}
                </button>
              )}
            </fieldset>
          );
        })}
        <Notice>
          <p>{t('measures.form.private')}</p>
        </Notice>
        <Button type="submit" pending={submit.isPending}>
          {submit.isPending ? t('measures.form.pending') : t('measures.form.submit')}
        </Button>
      </form>
    </>
  );
}
