/**
 * Screens the web app does not have yet (projects, analytics). Each says whether this
 * server's API already offers the feature (from /openapi.json), so nobody is told it does not
 * exist when only the screen is missing.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks.ts';
import { ComingSoon, PageTitle } from '../../components/ui.tsx';

const SCREENS = {
  projects: {
    title: 'Projects',
    what: 'Projects and pipelines',
    path: '/v1/projects',
    tag: 'projects',
    text: 'Track candidates for a role from contacted to hired on a pipeline board.',
  },
  analytics: {
    title: 'Analytics',
    what: 'The analytics dashboard',
    path: '/v1/analytics/outreach',
    tag: 'analytics',
    text: 'Response and acceptance rates by recruiter, credit usage, trends, A/B tests and the send-time heatmap.',
  },
} as const;

export function Soon({ screen }: { screen: keyof typeof SCREENS }) {
  const s = SCREENS[screen];
  const spec = useApi<{ paths?: Record<string, unknown> }>('/openapi.json');
  const apiReady = spec.data?.paths ? s.path in spec.data.paths : null;
  useEffect(() => {
    document.title = `${s.title} · InMail`;
  }, [s.title]);
  return (
    <>
      <PageTitle>{s.title}</PageTitle>
      <ComingSoon what={s.what}>
        <p>{s.text}</p>
        {apiReady ? (
          <p>
            This server's API already offers it (see the <a href={`/docs#/${s.tag}`}>API reference</a>); the
            screen for it comes in a later release of the web app.
          </p>
        ) : apiReady === false ? (
          <p>This server does not offer it yet.</p>
        ) : null}
        <p>
          Meanwhile, <Link to="/search">search</Link> for candidates and send InMails from their profiles.
        </p>
      </ComingSoon>
    </>
  );
}
