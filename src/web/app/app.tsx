import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, matchPath, Route, Routes } from 'react-router';
import { NotForTherapists } from '#web/features/therapist/not-for-therapists.tsx';
import { AnnouncerProvider } from '#web/ui/index.ts';
import { LandingPage } from './landing-page';
import { Layout } from './layout';
import { lazyPage, lazyPart } from '#web/ui/lazy-page.tsx';
import { NotFoundPage } from './not-found-page';
import { queryClient } from '#web/core/query-client.ts';
import { QuickExitPage } from './quick-exit/quick-exit-page';
import { RequireAuth } from './require-auth';

// The front page, quick exit and "not found" are in the first download; every other page brings
// its own code when it is first shown (decision 0028). A page's panels load along with it.
const SignUpPage = lazyPage(() =>
  import('#web/features/auth/sign-up-page.tsx').then((m) => m.SignUpPage),
);
const SignInPage = lazyPage(() =>
  import('#web/features/auth/sign-in-page.tsx').then((m) => m.SignInPage),
);
const TherapistAccountPanel = lazyPart(() =>
  import('#web/features/therapist/therapist-account-panel.tsx').then(
    (m) => m.TherapistAccountPanel,
  ),
);
const TwoStepSection = lazyPart(() =>
  import('#web/features/auth/two-step-section.tsx').then((m) => m.TwoStepSection),
);
const MyDataSection = lazyPart(() =>
  import('#web/features/my-data/my-data-section.tsx').then((m) => m.MyDataSection),
);
const AccountSections = lazyPart(() =>
  import('#web/features/account/account-sections.tsx').then((m) => m.AccountSections),
);
const linkPages = () => import('#web/features/account/link-pages.tsx');
const CheckEmailPage = lazyPage(() => linkPages().then((m) => m.CheckEmailPage));
const ConfirmEmailPage = lazyPage(() => linkPages().then((m) => m.ConfirmEmailPage));
const ForgotPasswordPage = lazyPage(() => linkPages().then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazyPage(() => linkPages().then((m) => m.ResetPasswordPage));
const VerifyEmailPage = lazyPage(() => linkPages().then((m) => m.VerifyEmailPage));
const AccountPage = lazyPage(
  () => import('#web/features/auth/account-page.tsx').then((m) => m.AccountPage),
  { along: [AccountSections, TherapistAccountPanel, TwoStepSection, MyDataSection] },
);
const AccessLogPage = lazyPage(() =>
  import('#web/features/access-log/access-log-page.tsx').then((m) => m.AccessLogPage),
);
const ImpactLetterPage = lazyPage(() =>
  import('#web/features/impact-letter/impact-letter-page.tsx').then((m) => m.ImpactLetterPage),
);
const GuideIndexPage = lazyPage(() =>
  import('#web/features/guide/guide-index-page.tsx').then((m) => m.GuideIndexPage),
);
const LessonPage = lazyPage(() =>
  import('#web/features/guide/lesson-page.tsx').then((m) => m.LessonPage),
);
const CheckinsPage = lazyPage(() =>
  import('#web/features/checkins/checkins-page.tsx').then((m) => m.CheckinsPage),
);
const InvitePanel = lazyPart(() =>
  import('#web/features/invites/invite-panel.tsx').then((m) => m.InvitePanel),
);
const JoinPage = lazyPage(() =>
  import('#web/features/invites/join-page.tsx').then((m) => m.JoinPage),
);
const SafetyPage = lazyPage(() =>
  import('#web/features/safety/safety-page.tsx').then((m) => m.SafetyPage),
);
const SafetyScreenPage = lazyPage(() =>
  import('#web/features/safety-screen/safety-screen-page.tsx').then((m) => m.SafetyScreenPage),
);
const SupportResourcesForMe = lazyPart(() =>
  import('#web/features/safety/support-resources.tsx').then((m) => m.SupportResourcesForMe),
);
const SessionPrepPage = lazyPage(() =>
  import('#web/features/session-prep/session-prep-page.tsx').then((m) => m.SessionPrepPage),
);
const SessionPrepPrintPage = lazyPage(() =>
  import('#web/features/session-prep/session-prep-print-page.tsx').then(
    (m) => m.SessionPrepPrintPage,
  ),
);
const practicePages = () => import('#web/features/practice/practice-pages.tsx');
const PracticePage = lazyPage(() => practicePages().then((m) => m.PracticePage));
const PracticeCouplePage = lazyPage(() => practicePages().then((m) => m.PracticeCouplePage));
const PracticeNotesPage = lazyPage(() => practicePages().then((m) => m.PracticeNotesPage));
const MeasurePage = lazyPage(
  () => import('#web/features/measures/measure-page.tsx').then((m) => m.MeasurePage),
  { along: [SupportResourcesForMe] },
);
const MeasuresPage = lazyPage(() =>
  import('#web/features/measures/measures-page.tsx').then((m) => m.MeasuresPage),
);
const MessagesPage = lazyPage(() =>
  import('#web/features/messages/messages-page.tsx').then((m) => m.MessagesPage),
);
const CoupleMessagesPage = lazyPage(() =>
  import('#web/features/messages/couple-messages-page.tsx').then((m) => m.CoupleMessagesPage),
);
const InjuriesPage = lazyPage(() =>
  import('#web/features/injuries/injuries-page.tsx').then((m) => m.InjuriesPage),
);
const ProgramPage = lazyPage(() =>
  import('#web/features/program/program-page.tsx').then((m) => m.ProgramPage),
);
const MeasuresProgress = lazyPart(() =>
  import('#web/features/measures/measures-progress.tsx').then((m) => m.MeasuresProgress),
);
const ProgressPage = lazyPage(
  () => import('#web/features/progress/progress-page.tsx').then((m) => m.ProgressPage),
  { along: [MeasuresProgress] },
);
const TodayPanels = lazyPart(() =>
  import('#web/features/today/today-panels.tsx').then((m) => m.TodayPanels),
);
const HomePage = lazyPage(
  () => import('#web/features/space/home-page.tsx').then((m) => m.HomePage),
  {
    along: [InvitePanel, TodayPanels],
  },
);
const MeaningPage = lazyPage(() =>
  import('#web/features/meaning/meaning-page.tsx').then((m) => m.MeaningPage),
);
const TriggersPage = lazyPage(() =>
  import('#web/features/triggers/triggers-page.tsx').then((m) => m.TriggersPage),
);
const QuestionsPage = lazyPage(() =>
  import('#web/features/questions/questions-page.tsx').then((m) => m.QuestionsPage),
);
const AgreementsPage = lazyPage(() =>
  import('#web/features/agreements/agreements-page.tsx').then((m) => m.AgreementsPage),
);
const TransparencyPage = lazyPage(() =>
  import('#web/features/transparency/transparency-page.tsx').then((m) => m.TransparencyPage),
);
const ReconnectingPage = lazyPage(() =>
  import('#web/features/reconnecting/reconnecting-page.tsx').then((m) => m.ReconnectingPage),
);
const TherapistJoinPage = lazyPage(() =>
  import('#web/features/therapist/therapist-join-page.tsx').then((m) => m.TherapistJoinPage),
);
const TherapistPage = lazyPage(() =>
  import('#web/features/therapist/therapist-page.tsx').then((m) => m.TherapistPage),
);
const NotificationsPage = lazyPage(() =>
  import('#web/features/notifications/notifications-page.tsx').then((m) => m.NotificationsPage),
);
const NotificationSettingsPage = lazyPage(() =>
  import('#web/features/notifications/settings-page.tsx').then((m) => m.NotificationSettingsPage),
);
const DisclosuresPage = lazyPage(() =>
  import('#web/features/disclosures/disclosures-page.tsx').then((m) => m.DisclosuresPage),
);
const ListeningPage = lazyPage(() =>
  import('#web/features/listening/listening-page.tsx').then((m) => m.ListeningPage),
);
const ContactLogPage = lazyPage(() =>
  import('#web/features/contact-log/contact-log-page.tsx').then((m) => m.ContactLogPage),
);
const ForgivenessPage = lazyPage(() =>
  import('#web/features/forgiveness/forgiveness-page.tsx').then((m) => m.ForgivenessPage),
);
const LeaveSpace = lazyPart(() =>
  import('#web/features/space/leave-space.tsx').then((m) => m.LeaveSpace),
);
const DecisionPage = lazyPage(
  () => import('#web/features/decision/decision-page.tsx').then((m) => m.DecisionPage),
  { along: [LeaveSpace] },
);
const GoalsPage = lazyPage(() =>
  import('#web/features/goals/goals-page.tsx').then((m) => m.GoalsPage),
);
const TherapistSignUpPage = lazyPage(() =>
  import('#web/features/therapist/therapist-signup-page.tsx').then((m) => m.TherapistSignUpPage),
);
const ApologyPage = lazyPage(() =>
  import('#web/features/apology/apology-page.tsx').then((m) => m.ApologyPage),
);

/**
 * Pages a visit often starts on, whose code is fetched as soon as the app starts rather than
 * when the page is first rendered. Home otherwise waits for the sign-in check before asking for
 * its code, its data and the schema of the sign-in answer, one round trip after another; now
 * they travel together. The guide's pages come filled in by the server (`prerendered`), and the
 * app waits for their code before it replaces them, so their text stays on the screen
 * (decision 0057).
 */
const FIRST_PAGES: readonly {
  /** A React Router pattern (not `path`: src/shared/pages.test.ts reads those as the routes). */
  pattern: string;
  page: { preload: () => Promise<unknown> };
  prerendered: boolean;
  along?: () => void;
}[] = [
  { pattern: '/guide/:slug', page: LessonPage, prerendered: true },
  { pattern: '/guide', page: GuideIndexPage, prerendered: true },
  {
    pattern: '/home',
    page: HomePage,
    prerendered: false,
    along: () => {
      // A signed-out visitor gets 401s here, which send them to sign in, as the check would.
      void import('#shared/schemas/auth.ts');
      void import('#web/core/space.ts').then((m) => queryClient.prefetchQuery(m.spaceQuery));
      void import('#web/features/today/api.ts').then((m) =>
        queryClient.prefetchQuery(m.todayQuery(m.localDay())),
      );
    },
  },
];

/**
 * Starts fetching the code of the page at `pathname`. Resolves when the app may render: at once,
 * or for a page the server filled in, once its code is in (or failed to come: the page's error
 * boundary then shows it).
 */
export function loadFirstPage(pathname: string): Promise<void> {
  const first = FIRST_PAGES.find(({ pattern }) => matchPath(pattern, pathname));
  if (!first) return Promise.resolve();
  first.along?.();
  const loading = first.page.preload().then(
    () => undefined,
    () => undefined,
  );
  return first.prerendered ? loading : Promise.resolve();
}

/** The shell: providers, and the routes that compose the features. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<LandingPage />} />
              <Route path="signup" element={<SignUpPage />} />
              <Route path="signin" element={<SignInPage />} />
              <Route path="account/check-email" element={<CheckEmailPage />} />
              <Route path="account/verify" element={<VerifyEmailPage />} />
              <Route path="account/forgot" element={<ForgotPasswordPage />} />
              <Route path="account/reset" element={<ResetPasswordPage />} />
              <Route path="account/email-confirm" element={<ConfirmEmailPage />} />
              <Route path="join" element={<JoinPage />} />
              <Route path="therapist/signup" element={<TherapistSignUpPage />} />
              <Route path="therapist/join" element={<TherapistJoinPage />} />
              <Route path="quick-exit" element={<QuickExitPage />} />
              <Route path="safety" element={<SafetyPage />} />
              <Route path="guide" element={<GuideIndexPage />} />
              <Route path="guide/:slug" element={<LessonPage />} />
              <Route element={<RequireAuth />}>
                <Route
                  path="home"
                  element={
                    <NotForTherapists>
                      <HomePage
                        invitePanel={<InvitePanel />}
                        today={(partnerName) => <TodayPanels partnerName={partnerName} />}
                      />
                    </NotForTherapists>
                  }
                />
                <Route
                  path="account"
                  element={
                    <AccountPage
                      extra={
                        <>
                          <AccountSections />
                          <TherapistAccountPanel />
                          <TwoStepSection />
                          <MyDataSection />
                        </>
                      }
                    />
                  }
                />
                <Route path="access-log" element={<AccessLogPage />} />
                <Route path="progress" element={<ProgressPage measures={<MeasuresProgress />} />} />
                <Route path="measures" element={<MeasuresPage />} />
                <Route
                  path="measures/:measureId"
                  element={
                    <MeasurePage supportResources={<SupportResourcesForMe headingLevel={4} />} />
                  }
                />
                <Route path="injuries" element={<InjuriesPage />} />
                <Route path="program" element={<ProgramPage />} />
                <Route path="impact-letter" element={<ImpactLetterPage />} />
                <Route path="triggers" element={<TriggersPage />} />
                <Route path="questions" element={<QuestionsPage />} />
                <Route path="meaning" element={<MeaningPage />} />
                <Route path="checkins" element={<CheckinsPage />} />
                <Route path="safety-screen" element={<SafetyScreenPage />} />
                <Route path="session-prep" element={<SessionPrepPage />} />
                <Route path="session-prep/print" element={<SessionPrepPrintPage />} />
                <Route
                  path="therapist"
                  element={
                    <NotForTherapists>
                      <TherapistPage />
                    </NotForTherapists>
                  }
                />
                <Route path="messages" element={<MessagesPage />} />
                <Route path="messages/couples/:linkId" element={<CoupleMessagesPage />} />
                <Route path="practice" element={<PracticePage />} />
                <Route path="practice/couples/:linkId" element={<PracticeCouplePage />} />
                <Route path="practice/notes" element={<PracticeNotesPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="notifications/settings" element={<NotificationSettingsPage />} />
                <Route path="apology" element={<ApologyPage />} />
                <Route path="disclosures" element={<DisclosuresPage />} />
                <Route path="listening" element={<ListeningPage />} />
                <Route path="agreements" element={<AgreementsPage />} />
                <Route path="transparency" element={<TransparencyPage />} />
                <Route path="reconnecting" element={<ReconnectingPage />} />
                <Route path="contact-log" element={<ContactLogPage />} />
                <Route path="forgiveness" element={<ForgivenessPage />} />
                <Route
                  path="decision"
                  element={
                    <DecisionPage
                      leaveSpace={(partnerName) => <LeaveSpace partnerName={partnerName} />}
                    />
                  }
                />
                <Route path="goals" element={<GoalsPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
