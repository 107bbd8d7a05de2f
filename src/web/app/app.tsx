import { QueryClientProvider } from '@tanstack/react-query';
import { AccountSections } from '../features/account/account-sections';
import {
  CheckEmailPage,
  ConfirmEmailPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from '../features/account/link-pages';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccessLogPage } from '../features/access-log/access-log-page';
import { AccountPage } from '../features/auth/account-page';
import { ImpactLetterPage } from '../features/impact-letter/impact-letter-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { GuideIndexPage } from '../features/guide/guide-index-page';
import { LessonPage } from '../features/guide/lesson-page';
import { CheckinsPage } from '../features/checkins/checkins-page';
import { InvitePanel } from '../features/invites/invite-panel';
import { JoinPage } from '../features/invites/join-page';
import { SafetyPage } from '../features/safety/safety-page';
import { SafetyScreenPage } from '../features/safety-screen/safety-screen-page';
import { SupportResourcesForMe } from '../features/safety/support-resources';
import { SessionPrepPage } from '../features/session-prep/session-prep-page';
import { SessionPrepPrintPage } from '../features/session-prep/session-prep-print-page';
import {
  PracticeCouplePage,
  PracticeNotesPage,
  PracticePage,
} from '../features/practice/practice-pages';
import { MeasurePage } from '../features/measures/measure-page';
import { MeasuresPage } from '../features/measures/measures-page';
import { MessagesPage } from '../features/messages/messages-page';
import { CoupleMessagesPage } from '../features/messages/couple-messages-page';
import { InjuriesPage } from '../features/injuries/injuries-page';
import { ProgramPage } from '../features/program/program-page';
import { MeasuresProgress } from '../features/measures/measures-progress';
import { ProgressPage } from '../features/progress/progress-page';
import { HomePage } from '../features/space/home-page';
import { TodayPanels } from '../features/today/today-panels';
import { TriggersPage } from '../features/triggers/triggers-page';
import { NotForTherapists } from '../features/therapist/not-for-therapists';
import { TherapistAccountPanel } from '../features/therapist/therapist-account-panel';
import { TherapistJoinPage } from '../features/therapist/therapist-join-page';
import { TherapistPage } from '../features/therapist/therapist-page';
import { TherapistSignUpPage } from '../features/therapist/therapist-signup-page';
import { AnnouncerProvider } from '../ui';
import { LandingPage } from './landing-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { queryClient } from './query-client';
import { QuickExitPage } from './quick-exit/quick-exit-page';
import { RequireAuth } from './require-auth';

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
