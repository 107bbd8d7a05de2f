import type { TAcceptance } from '#shared/schemas/co-authored.ts';
import { t } from '#web/i18n/index.ts';
import { Button, useAnnounce } from '#web/ui/index.ts';
import { usePlanAgreement } from './api';
import styles from './triggers.module.css';

function agreementWords(acceptance: TAcceptance): string {
  if (acceptance.both) return t('triggers.plan.agree.both');
  if (acceptance.mine) return t('triggers.plan.agree.mine');
  if (acceptance.partner) return t('triggers.plan.agree.partner');
  return t('triggers.plan.agree.none');
}

/**
 * "Do we both agree to this plan?": who of the couple agrees to the version on screen, and a
 * button to agree or take it back. Agreeing is joint work (shown only while it is open); taking
 * it back is always possible. A change to the plan ends every agreement (the server decides).
 */
export function PlanAgreement({
  acceptance,
  jointWorkOpen,
}: {
  acceptance: TAcceptance;
  jointWorkOpen: boolean;
}) {
  const agreement = usePlanAgreement();
  const announce = useAnnounce();

  const change = (agree: boolean) => {
    if (agreement.isPending) return;
    agreement.mutate(
      { agree, version: acceptance.version },
      {
        onSuccess: () =>
          announce(agree ? t('triggers.plan.agree.done') : t('triggers.plan.agree.withdrawn')),
      },
    );
  };

  return (
    <section className={styles.agreement} aria-labelledby="plan-agreement-heading">
      <h3 id="plan-agreement-heading" className={styles.sectionHeading}>
        {t('triggers.plan.agree.heading')}
      </h3>
      <p className={acceptance.both ? styles.agreed : undefined}>{agreementWords(acceptance)}</p>
      <p className={styles.quiet}>{t('triggers.plan.agree.note')}</p>
      {agreement.isError && (
        <p role="alert" className={styles.error}>
          {agreement.error.message}
        </p>
      )}
      {acceptance.mine ? (
        <Button variant="secondary" pending={agreement.isPending} onClick={() => change(false)}>
          {t('triggers.plan.agree.withdraw')}
        </Button>
      ) : (
        jointWorkOpen && (
          <Button variant="secondary" pending={agreement.isPending} onClick={() => change(true)}>
            {t('triggers.plan.agree.button')}
          </Button>
        )
      )}
    </section>
  );
}
