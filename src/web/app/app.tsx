import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotForTherapists } from '../features/therapist/not-for-therapists';
import { AnnouncerProvider } from '../ui';
import { LandingPage } from './landing-page';
import { Layout } from './layout';
import { lazyPage, lazyPart } from '../ui/lazy-page';
import { NotFoundPage } from './not-found-page';
import { queryClient } from '../core/query-client';
import { QuickExitPage } from './quick-exit/quick-exit-page';
import { RequireAuth } from './require-auth';

// The front page, quick exit and "not found" are in the first download; every other page brings
// its own code when it is first shown (decision 0028). A page's panels load along with it.
const SignUpPage = lazyPage(() =>
  import('../features/auth/sign-up-page').then((m) => m.SignUpPage),
);
const SignInPage = lazyPage(() =>
  import('../features/auth/sign-in-page').then((m) => m.SignInPage),
);
const TherapistAccountPanel = lazyPart(() =>
  import('../features/therapist/therapist-account-panel').then((m) => m.TherapistAccountPanel),
);
const TwoStepSection = lazyPart(() =>
  import('../features/auth/two-step-section').then((m) => m.TwoStepSection),
);
const MyDataSection = lazyPart(() =>
  import('../features/my-data/my-data-section').then((m) => m.MyDataSection),
);
const AccountSections = lazyPart(() =>
  import('../features/account/account-sections').then((m) => m.AccountSections),
);
const linkPages = () => import('../features/account/link-pages');
const CheckEmailPage = lazyPage(() => linkPages().then((m) => m.CheckEmailPage));
const ConfirmEmailPage = lazyPage(() => linkPages().then((m) => m.ConfirmEmailPage));
const ForgotPasswordPage = lazyPage(() => linkPages().then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazyPage(() => linkPages().then((m) => m.ResetPasswordPage));
const VerifyEmailPage = lazyPage(() => linkPages().then((m) => m.VerifyEmailPage));
const AccountPage = lazyPage(
  () => import('../features/auth/account-page').then((m) => m.AccountPage),
  { along: [AccountSections, TherapistAccountPanel, TwoStepSection, MyDataSection] },
);
const AccessLogPage = lazyPage(() =>
  import('../features/access-log/access-log-page').then((m) => m.AccessLogPage),
);
const ImpactLetterPage = lazyPage(() =>
  import('../features/impact-letter/impact-letter-page').then((m) => m.ImpactLetterPage),
);
const GuideIndexPage = lazyPage(() =>
  import('../features/guide/guide-index-page').then((m) => m.GuideIndexPage),
);
const LessonPage = lazyPage(() =>
  import('../features/guide/lesson-page').then((m) => m.LessonPage),
);
const CheckinsPage = lazyPage(() =>
  import('../features/checkins/checkins-page').then((m) => m.CheckinsPage),
);
const InvitePanel = lazyPart(() =>
  import('../features/invites/invite-panel').then((m) => m.InvitePanel),
);
const JoinPage = lazyPage(() => import('../features/invites/join-page').then((m) => m.JoinPage));
const SafetyPage = lazyPage(() =>
  import('../features/safety/safety-page').then((m) => m.SafetyPage),
);
const SafetyScreenPage = lazyPage(() =>
  import('../features/safety-screen/safety-screen-page').then((m) => m.SafetyScreenPage),
);
const SupportResourcesForMe = lazyPart(() =>
  import('../features/safety/support-resources').then((m) => m.SupportResourcesForMe),
);
const SessionPrepPage = lazyPage(() =>
  import('../features/session-prep/session-prep-page').then((m) => m.SessionPrepPage),
);
const SessionPrepPrintPage = lazyPage(() =>
  import('../features/session-prep/session-prep-print-page').then((m) => m.SessionPrepPrintPage),
);
const practicePages = () => import('../features/practice/practice-pages');
const PracticePage = lazyPage(() => practicePages().then((m) => m.PracticePage));
const PracticeCouplePage = lazyPage(() => practicePages().then((m) => m.PracticeCouplePage));
const PracticeNotesPage = lazyPage(() => practicePages().then((m) => m.PracticeNotesPage));
const MeasurePage = lazyPage(
  () => import('../features/measures/measure-page').then((m) => m.MeasurePage),
  { along: [SupportResourcesForMe] },
);
const MeasuresPage = lazyPage(() =>
  import('../features/measures/measures-page').then((m) => m.MeasuresPage),
);
const MessagesPage = lazyPage(() =>
  import('../features/messages/messages-page').then((m) => m.MessagesPage),
);
const CoupleMessagesPage = lazyPage(() =>
  import('../features/messages/couple-messages-page').then((m) => m.CoupleMessagesPage),
);
const InjuriesPage = lazyPage(() =>
  import('../features/injuries/injuries-page').then((m) => m.InjuriesPage),
);
const ProgramPage = lazyPage(() =>
  import('../features/program/program-page').then((m) => m.ProgramPage),
);
const MeasuresProgress = lazyPart(() =>
  import('../features/measures/measures-progress').then((m) => m.MeasuresProgress),
);
const ProgressPage = lazyPage(
  () => import('../features/progress/progress-page').then((m) => m.ProgressPage),
  { along: [MeasuresProgress] },
);
const TodayPanels = lazyPart(() =>
  import('../features/today/today-panels').then((m) => m.TodayPanels),
);
const HomePage = lazyPage(() => import('../features/space/home-page').then((m) => m.HomePage), {
  along: [InvitePanel, TodayPanels],
});
const TriggersPage = lazyPage(() =>
  import('../features/triggers/triggers-page').then((m) => m.TriggersPage),
);
const TherapistJoinPage = lazyPage(() =>
  import('../features/therapist/therapist-join-page').then((m) => m.TherapistJoinPage),
);
const TherapistPage = lazyPage(() =>
  import('../features/therapist/therapist-page').then((m) => m.TherapistPage),
);
const TherapistSignUpPage = lazyPage(() =>
  import('../features/therapist/therapist-signup-page').then((m) => m.TherapistSignUpPage),
);

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
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
