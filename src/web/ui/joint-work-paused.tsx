import { t } from '../i18n';
import { Notice } from './status';

/**
 * What both partners see where a joint exercise would be, while joint work is paused. The same
 * words for every reason, so it never tells one partner anything about the other.
 */
export function JointWorkPaused() {
  return (
    <Notice>
      <p>{t('jointWork.paused')}</p>
    </Notice>
  );
}
