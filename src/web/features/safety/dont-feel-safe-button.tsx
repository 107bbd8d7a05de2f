import { useNavigate } from 'react-router';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import { usePauseJointWork } from './api';
import styles from './safety.module.css';

/**
 * On every page, beside quick exit. One quiet press: shared exercises pause for the space (no
 * message to the partner) and the support page opens. Signed out, it just opens the support page.
 */
export function DontFeelSafeButton() {
  const me = useMe();
  const pause = usePauseJointWork();
  const navigate = useNavigate();

  const onClick = () => {
    // Pressed before we know who is signed in, it still pauses: a refusal for someone signed
    // out costs nothing, a missed pause could cost a great deal.
    if (me.data || me.isPending) pause.mutate(undefined);
    void navigate('/safety');
  };

  return (
    <button type="button" className={styles.headerButton} onClick={onClick}>
      {t('safety.button')}
    </button>
  );
}
