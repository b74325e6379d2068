/** Routes: the login screen for visitors, the shell with role-based screens for everyone else. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { homePath, Shell } from './components/Shell.tsx';
import { ErrorState, Loading, PageTitle } from './components/ui.tsx';
import { ApiKeys } from './pages/admin/ApiKeys.tsx';
import { Policies } from './pages/admin/Policies.tsx';
import { SeatLedger, Seats } from './pages/admin/Seats.tsx';
import { Users } from './pages/admin/Users.tsx';
import { Login } from './pages/Login.tsx';
import { Inbox } from './pages/member/Inbox.tsx';
import { Invitations } from './pages/member/Invitations.tsx';
import { Notifications } from './pages/member/Notifications.tsx';
import { Preferences } from './pages/member/Preferences.tsx';
import { Profile } from './pages/member/Profile.tsx';
import { CampaignDetail } from './pages/recruiter/campaigns/CampaignDetail.tsx';
import { EditCampaign, NewCampaign } from './pages/recruiter/campaigns/CampaignEditor.tsx';
import { Campaigns } from './pages/recruiter/campaigns/Campaigns.tsx';
import { PersonalizationQueue } from './pages/recruiter/campaigns/PersonalizationQueue.tsx';
import { Candidate } from './pages/recruiter/Candidate.tsx';
import { Candidates } from './pages/recruiter/Candidates.tsx';
import { Compose } from './pages/recruiter/Compose.tsx';
import { ListDetail, Lists } from './pages/recruiter/Lists.tsx';
import { SavedSearches } from './pages/recruiter/SavedSearches.tsx';
import { Search } from './pages/recruiter/Search.tsx';
import { Sent } from './pages/recruiter/Sent.tsx';
import { ProjectBoard } from './pages/recruiter/projects/ProjectBoard.tsx';
import { Projects } from './pages/recruiter/projects/Projects.tsx';
import { EditTemplate, NewTemplate } from './pages/recruiter/templates/TemplateEditor.tsx';
import { Templates } from './pages/recruiter/templates/Templates.tsx';
import { TemplateSetEditor, TemplateSets } from './pages/recruiter/templates/TemplateSets.tsx';
import { ThreadPage } from './pages/Thread.tsx';
import { useAuth, useSession } from './session.tsx';

// The dashboard carries the chart library: fetched only when someone opens it.
const Analytics = lazy(() => import('./pages/recruiter/analytics/Analytics.tsx'));

type Need = 'member' | 'recruiter' | 'admin' | 'orgUser';

function Require({ need, children }: { need: Need; children: ReactNode }) {
  const s = useSession();
  const ok =
    need === 'member'
      ? s.isMember
      : need === 'recruiter'
        ? s.isRecruiter
        : need === 'admin'
          ? s.isAdmin
          : s.isRecruiter || s.isAdmin;
  if (ok) return children;
  const what = {
    member: 'members of the network',
    recruiter: 'recruiters',
    admin: 'org admins',
    orgUser: 'organization users',
  }[need];
  return (
    <>
      <PageTitle>Not available</PageTitle>
      <p>This screen is for {what}.</p>
    </>
  );
}

function Home() {
  return <Navigate to={homePath(useSession())} replace />;
}

function NotFound() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>There is nothing at this address.</p>
    </>
  );
}

export function App() {
  const { state, retry } = useAuth();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <main id="main" className="login-page">
        <Loading label="Starting InMail" />
      </main>
    );
  }
  if (state.status === 'error' && state.error) {
    return (
      <main id="main" className="login-page">
        <ErrorState error={state.error} retry={retry} what="InMail" />
      </main>
    );
  }
  if (state.status !== 'ready') {
    if (location.pathname !== '/login') {
      const next = location.pathname + location.search;
      return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
    }
    return <Login />;
  }
  if (location.pathname === '/login') {
    const next = new URLSearchParams(location.search).get('next');
    // Only a path inside this app, never another site.
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }

  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        <Route
          path="inbox"
          element={
            <Require need="member">
              <Inbox />
            </Require>
          }
        />
        <Route
          path="inbox/:threadId"
          element={
            <Require need="member">
              <ThreadPage backTo="/inbox" backLabel="Inbox" />
            </Require>
          }
        />
        <Route
          path="invitations"
          element={
            <Require need="member">
              <Invitations />
            </Require>
          }
        />
        <Route path="notifications" element={<Notifications />} />
        <Route
          path="preferences"
          element={
            <Require need="member">
              <Preferences />
            </Require>
          }
        />
        <Route
          path="profile"
          element={
            <Require need="member">
              <Profile />
            </Require>
          }
        />

        <Route
          path="search"
          element={
            <Require need="recruiter">
              <Search />
            </Require>
          }
        />
        <Route
          path="candidates"
          element={
            <Require need="orgUser">
              <Candidates />
            </Require>
          }
        />
        <Route
          path="members/:id"
          element={
            <Require need="orgUser">
              <Candidate />
            </Require>
          }
        />
        <Route
          path="compose/:memberId"
          element={
            <Require need="recruiter">
              <Compose />
            </Require>
          }
        />
        <Route
          path="sent"
          element={
            <Require need="recruiter">
              <Sent />
            </Require>
          }
        />
        <Route
          path="threads/:threadId"
          element={
            <Require need="orgUser">
              <ThreadPage backTo="/sent" backLabel="Sent" />
            </Require>
          }
        />
        <Route
          path="search/saved"
          element={
            <Require need="recruiter">
              <SavedSearches />
            </Require>
          }
        />
        <Route
          path="lists"
          element={
            <Require need="recruiter">
              <Lists />
            </Require>
          }
        />
        <Route
          path="lists/:id"
          element={
            <Require need="recruiter">
              <ListDetail />
            </Require>
          }
        />
        <Route
          path="templates"
          element={
            <Require need="recruiter">
              <Templates />
            </Require>
          }
        />
        <Route
          path="templates/new"
          element={
            <Require need="recruiter">
              <NewTemplate />
            </Require>
          }
        />
        <Route
          path="templates/:id"
          element={
            <Require need="recruiter">
              <EditTemplate />
            </Require>
          }
        />
        <Route
          path="template-sets"
          element={
            <Require need="recruiter">
              <TemplateSets />
            </Require>
          }
        />
        <Route
          path="template-sets/new"
          element={
            <Require need="recruiter">
              <TemplateSetEditor />
            </Require>
          }
        />
        <Route
          path="template-sets/:id"
          element={
            <Require need="recruiter">
              <TemplateSetEditor />
            </Require>
          }
        />
        <Route
          path="campaigns"
          element={
            <Require need="recruiter">
              <Campaigns />
            </Require>
          }
        />
        <Route
          path="campaigns/new"
          element={
            <Require need="recruiter">
              <NewCampaign />
            </Require>
          }
        />
        <Route
          path="campaigns/:id"
          element={
            <Require need="recruiter">
              <CampaignDetail />
            </Require>
          }
        />
        <Route
          path="campaigns/:id/edit"
          element={
            <Require need="recruiter">
              <EditCampaign />
            </Require>
          }
        />
        <Route
          path="campaigns/:id/personalize"
          element={
            <Require need="recruiter">
              <PersonalizationQueue />
            </Require>
          }
        />
        <Route
          path="projects"
          element={
            <Require need="recruiter">
              <Projects />
            </Require>
          }
        />
        <Route
          path="projects/:id"
          element={
            <Require need="recruiter">
              <ProjectBoard />
            </Require>
          }
        />
        <Route
          path="analytics"
          element={
            <Require need="recruiter">
              <Suspense fallback={<Loading label="Loading the dashboard" />}>
                <Analytics />
              </Suspense>
            </Require>
          }
        />

        <Route
          path="admin/seats"
          element={
            <Require need="admin">
              <Seats />
            </Require>
          }
        />
        <Route
          path="admin/seats/:id"
          element={
            <Require need="admin">
              <SeatLedger />
            </Require>
          }
        />
        <Route
          path="admin/users"
          element={
            <Require need="admin">
              <Users />
            </Require>
          }
        />
        <Route
          path="admin/policies"
          element={
            <Require need="admin">
              <Policies />
            </Require>
          }
        />
        <Route
          path="admin/api-keys"
          element={
            <Require need="admin">
              <ApiKeys />
            </Require>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
