/** Template words shared by the template screens. */
import { NavLink } from 'react-router';

/** Template tags and set keys: a seniority, or one of the three seniority segments. */
export const SENIORITY_TAGS: [string, string][] = [
  ['intern', 'Intern'],
  ['entry', 'Entry'],
  ['associate', 'Associate (also the segment: intern, entry, associate)'],
  ['senior', 'Senior'],
  ['lead', 'Lead'],
  ['manager', 'Manager'],
  ['director', 'Director'],
  ['vp', 'VP'],
  ['cxo', 'CxO'],
  ['partner', 'Partner'],
  ['senior-associate', 'Senior associate (segment: senior, lead, manager)'],
  ['partner-track', 'Partner track (segment: director, vp, cxo, partner)'],
];

export function TemplateTabs({ current }: { current: 'templates' | 'sets' }) {
  return (
    <nav className="tabs" aria-label="Templates">
      <NavLink to="/templates" end className={`tab${current === 'templates' ? ' active' : ''}`}>
        Templates
      </NavLink>
      <NavLink to="/template-sets" className={`tab${current === 'sets' ? ' active' : ''}`}>
        Template sets
      </NavLink>
    </nav>
  );
}
