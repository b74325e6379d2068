import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { OwnProfile } from '../../api/types.ts';
import { ProfileBody, ProfileHeader } from '../../components/ProfileView.tsx';
import { Counter, ErrorState, Field, Loading, PageTitle, ProblemAlert } from '../../components/ui.tsx';
import { useAnnounce, useSession } from '../../session.tsx';

export function Profile() {
  const { me } = useSession();
  const profile = useApi<OwnProfile>('/v1/profile');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    document.title = 'Profile · InMail';
  }, []);

  return (
    <>
      <PageTitle
        actions={
          profile.data && !editing ? (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit profile
            </button>
          ) : null
        }
      >
        Your profile
      </PageTitle>
      {profile.loading && !profile.data ? (
        <Loading label="Loading your profile" />
      ) : profile.error && !profile.data ? (
        <ErrorState error={profile.error} retry={profile.reload} what="your profile" />
      ) : profile.data ? (
        <>
          {editing ? (
            <EditProfile
              initial={profile.data}
              onDone={(p) => {
                if (p) profile.setData(p);
                setEditing(false);
              }}
            />
          ) : null}
          <p className="muted small">This is how recruiters see you (they never see your email address).</p>
          <ProfileHeader m={profile.data} />
          <ProfileBody m={profile.data} />
        </>
      ) : null}
      <section className="card">
        <h2>Account</h2>
        <dl className="facts">
          <div>
            <dt>Email</dt>
            <dd>{me.account?.email ?? '—'}</dd>
          </div>
        </dl>
        <p className="small">
          Who may contact you, and blocked senders: <Link to="/preferences">InMail preferences</Link>.
        </p>
      </section>
    </>
  );
}

const HEADLINE_MAX = 220;
const SUMMARY_MAX = 2600;

/** The parts of a profile people change most; lists replace the old ones on the server. */
function EditProfile({ initial, onDone }: { initial: OwnProfile; onDone: (p?: OwnProfile) => void }) {
  const [headline, setHeadline] = useState(initial.headline);
  const [summary, setSummary] = useState(initial.summary);
  const [skills, setSkills] = useState(initial.skills.join(', '));
  const [openToWork, setOpenToWork] = useState(initial.openToWork);
  const announce = useAnnounce();
  const save = useAction(async () => {
    const p = await api<OwnProfile>('/v1/profile', {
      method: 'PATCH',
      body: {
        headline: headline.trim(),
        summary: summary.trim(),
        openToWork,
        skills: skills
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    });
    announce('Profile saved');
    onDone(p);
    return true;
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }
  return (
    <form className="card form" onSubmit={submit}>
      <h2>Edit your profile</h2>
      <Field
        label="Headline"
        error={save.error?.fieldError('headline')}
        extra={<Counter id="headline-count" value={headline} max={HEADLINE_MAX} />}
      >
        {(p) => <input {...p} value={headline} onChange={(e) => setHeadline(e.target.value)} />}
      </Field>
      <Field
        label="About"
        error={save.error?.fieldError('summary')}
        extra={<Counter id="summary-count" value={summary} max={SUMMARY_MAX} />}
      >
        {(p) => <textarea {...p} rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <Field label="Skills" hint="Comma-separated" error={save.error?.fieldError('skills')}>
        {(p) => <input {...p} value={skills} onChange={(e) => setSkills(e.target.value)} />}
      </Field>
      <div className="check">
        <input
          id="p-open"
          type="checkbox"
          checked={openToWork}
          onChange={(e) => setOpenToWork(e.target.checked)}
        />
        <label htmlFor="p-open">
          Open to work
          <span className="hint">Recruiters see it, and searches rank you as likely to respond.</span>
        </label>
      </div>
      <ProblemAlert error={save.error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending} aria-busy={save.pending}>
          {save.pending ? 'Saving…' : 'Save profile'}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
