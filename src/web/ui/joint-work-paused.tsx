import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ZScreenView } from '#shared/schemas/safety-screen.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';
import { t } from '#web/i18n/index.ts';
import { Notice } from './status';

/**
 * What both partners see where a joint exercise would be, while joint work is paused. The same
 * words for every reason, so it never tells one partner anything about the other.
 *
 * Below them, only for someone who has not taken the private safety screen themselves, an
 * invitation to take it. That depends on the reader's own state alone (GET /api/safety-screen
 * answers only for the caller), so it says nothing about the partner either.
 */
export function JointWorkPaused() {
  const screen = useQuery({
    queryKey: queryKeys.safetyScreen,
    queryFn: ({ signal }) => apiFetch('/api/safety-screen', { schema: ZScreenView, signal }),
  });
  return (
    <Notice>
      <p>{t('jointWork.paused')}</p>
      {screen.data?.takenAt === null && (
        <p>
          {t('jointWork.screenInvite')} <Link to="/safety-screen">{t('jointWork.screenLink')}</Link>
        </p>
      )}
    </Notice>
  );
}
