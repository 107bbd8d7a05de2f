import { useId } from 'react';
import { t } from '../../i18n';
import styles from './theme-switch.module.css';
import { setTheme, THEMES, useTheme } from './theme';

const LABELS = {
  system: 'layout.theme.system',
  light: 'layout.theme.light',
  dark: 'layout.theme.dark',
} as const;

/** Three radio buttons: as my device, light, dark. Each switch on the page has its own group name. */
export function ThemeSwitch() {
  const name = useId();
  const theme = useTheme();
  return (
    <fieldset className={styles.switch}>
      <legend className={styles.legend}>{t('layout.theme.legend')}</legend>
      <div className={styles.choices}>
        {THEMES.map((choice) => (
          <label key={choice} className={styles.choice}>
            <input
              type="radio"
              name={name}
              value={choice}
              checked={theme === choice}
              onChange={() => setTheme(choice)}
            />
            {t(LABELS[choice])}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
