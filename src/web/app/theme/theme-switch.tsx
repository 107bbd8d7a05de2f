import { useId, type ChangeEvent } from 'react';
import { t } from '#web/i18n/index.ts';
import styles from './theme-switch.module.css';
import { setTheme, THEMES, useTheme } from './theme';

const LABELS = {
  system: 'layout.theme.system',
  light: 'layout.theme.light',
  dark: 'layout.theme.dark',
} as const;

/** A choice of colours: as my device (the default), light, or dark. */
export function ThemeSwitch() {
  const id = useId();
  const theme = useTheme();
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const choice = THEMES.find((one) => one === event.target.value);
    if (choice) setTheme(choice);
  };
  return (
    <div className={styles.switch}>
      <label htmlFor={id} className={styles.label}>
        {t('layout.theme.legend')}
      </label>
      <select id={id} className={styles.select} value={theme} onChange={onChange}>
        {THEMES.map((choice) => (
          <option key={choice} value={choice}>
            {t(LABELS[choice])}
          </option>
        ))}
      </select>
    </div>
  );
}
