import type { ReactNode } from 'react';
import type { MemberDetail, OwnProfile } from '../api/types.ts';

type AnyProfile = MemberDetail | OwnProfile;
import { Avatar, Degree, MessageText } from './ui.tsx';

export function place(l: { city: string; region: string; country: string }): string {
  return [l.city, l.region, l.country].filter(Boolean).join(', ');
}

/** "Title at Company", unless the headline already says just that. */
export function roleLine(m: { currentTitle?: string; currentCompany?: string; headline: string }): string {
  const role =
    m.currentTitle && m.currentCompany ? `${m.currentTitle} at ${m.currentCompany}` : m.currentTitle;
  return role && !m.headline.startsWith(role) ? role : '';
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="profile-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A member's profile: the parts every viewer sees. */
export function ProfileHeader({ m, actions }: { m: AnyProfile; actions?: ReactNode }) {
  return (
    <div className="card profile-header">
      <Avatar name={`${m.firstName} ${m.lastName}`} size={72} />
      <div className="grow">
        <p className="profile-name">
          {m.firstName} {m.lastName} {'degree' in m ? <Degree degree={m.degree} /> : null}
          {m.openToWork ? <span className="badge badge-open">Open to work</span> : null}
        </p>
        <p>{m.headline}</p>
        <p className="muted small">{[roleLine(m), place(m.location)].filter(Boolean).join(' · ')}</p>
      </div>
      {actions ? <div className="profile-actions">{actions}</div> : null}
    </div>
  );
}

export function ProfileBody({ m }: { m: AnyProfile }) {
  return (
    <div className="profile-body card">
      {m.summary ? (
        <Section title="About">
          <MessageText text={m.summary} />
        </Section>
      ) : null}
      <dl className="facts">
        {m.industry ? (
          <div>
            <dt>Industry</dt>
            <dd>{m.industry}</dd>
          </div>
        ) : null}
        {m.seniority ? (
          <div>
            <dt>Seniority</dt>
            <dd>{m.seniority}</dd>
          </div>
        ) : null}
        {m.yearsOfExperience ? (
          <div>
            <dt>Experience</dt>
            <dd>{m.yearsOfExperience} years</dd>
          </div>
        ) : null}
        {m.location.timeZone ? (
          <div>
            <dt>Time zone</dt>
            <dd>{m.location.timeZone}</dd>
          </div>
        ) : null}
      </dl>
      {m.positions?.length ? (
        <Section title="Experience">
          <ul className="timeline">
            {m.positions.map((p, i) => (
              <li key={`${p.company}-${p.title}-${i}`}>
                <strong>{p.title}</strong> · {p.company}
                <span className="muted small">
                  {' '}
                  {p.startYear}–{p.endYear ?? 'now'}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {m.education?.length ? (
        <Section title="Education">
          <ul className="timeline">
            {m.education.map((e, i) => (
              <li key={`${e.school}-${i}`}>
                <strong>{e.school}</strong>
                {e.degree || e.field ? ` · ${[e.degree, e.field].filter(Boolean).join(', ')}` : ''}
                {e.graduationYear ? <span className="muted small"> {e.graduationYear}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <ChipsSection title="Skills" items={m.skills} />
      <ChipsSection title="Platforms" items={m.platforms} />
      {m.projects?.length ? (
        <Section title="Projects">
          <ul className="timeline">
            {m.projects.map((p) => (
              <li key={p.name}>
                <strong>{p.name}</strong>
                {p.description ? <MessageText text={p.description} /> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {m.publications?.length ? (
        <Section title="Publications">
          <ul className="timeline">
            {m.publications.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {m.languages?.length ? (
        <Section title="Languages">
          <p>{m.languages.join(', ')}</p>
        </Section>
      ) : null}
    </div>
  );
}

/** A titled list of chips (skills, platforms); nothing when the list is empty. */
function ChipsSection({ title, items }: { title: string; items: readonly string[] | undefined }) {
  if (!items?.length) return null;
  return (
    <Section title={title}>
      <ul className="chips">
        {items.map((s) => (
          <li key={s} className="chip">
            {s}
          </li>
        ))}
      </ul>
    </Section>
  );
}
