import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from '../features/auth/account-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { CheckinsPage } from '../features/checkins/checkins-page';
import { InvitePanel } from '../features/invites/invite-panel';
import { JoinPage } from '../features/invites/join-page';
import { HomePage } from '../features/space/home-page';
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
              <Route path="join" element={<JoinPage />} />
              <Route path="quick-exit" element={<QuickExitPage />} />
              <Route element={<RequireAuth />}>
                <Route path="home" element={<HomePage invitePanel={<InvitePanel />} />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="checkins" element={<CheckinsPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
