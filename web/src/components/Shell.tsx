/** The app's frame: a header (who, which organization, seat balance, notifications), the
 * navigation for the roles the user holds, and the main region. */
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useApi } from '../api/hooks.ts';
import type { OwnProfile } from '../api/types.ts';
import { useSession } from '../session.tsx';

interface NavItem {
  to: string;
  label: string;
  badge?: number | null;
}

export function navGroups(s: ReturnType<typeof useSession>) {
  const groups: { title: string; items: NavItem[] }[] = [];
  // The work a person came for first: recruiting, then administration, then their own messages.
  if (s.isRecruiter) {
    groups.push({
      title: 'Recruiting',
      items: [
        { to: '/search', label: 'Search' },
        { to: '/candidates', label: 'Candidates' },
        { to: '/lists', label: 'Lists' },
        { to: '/sent', label: 'Compose / Sent' },
        { to: '/templates', label: 'Templates' },
        { to: '/campaigns', label: 'Campaigns' },
        { to: '/projects', label: 'Projects' },
        { to: '/analytics', label: 'Analytics' },
      ],
    });
  }
  if (s.isAdmin) {
    groups.push({
      title: 'Administration',
      items: [
        { to: '/admin/seats', label: 'Seats' },
        { to: '/admin/users', label: 'Users' },
        { to: '/admin/policies', label: 'Policies' },
        { to: '/admin/api-keys', label: 'API keys' },
      ],
    });
  }
  if (s.isMember) {
    groups.push({
      title: 'My messages',
      items: [
        { to: '/inbox', label: 'Inbox' },
        { to: '/invitations', label: 'Invitations' },
        { to: '/notifications', label: 'Notifications', badge: s.unread },
        { to: '/preferences', label: 'Preferences' },
        { to: '/profile', label: 'Profile' },
      ],
    });
  }
  if (!s.isMember) {
    groups[0]?.items.push({ to: '/notifications', label: 'Notifications', badge: s.unread });
  }
  return groups;
}

/** The product's own mark: an envelope with a spark, not anybody's letters in a square. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="brand-mark" aria-hidden="true" width={size} height={size} viewBox="0 0 32 32">
      <circle cx="16" cy="16" r="16" fill="#0f5e57" />
      <rect x="7" y="10" width="18" height="13" rx="2" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M8 11.5 16 17.5 24 11.5" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
      <circle cx="24.5" cy="9.5" r="3.5" fill="#f5b400" stroke="#0f5e57" strokeWidth="1.5" />
    </svg>
  );
}

export function homePath(s: ReturnType<typeof useSession>): string {
  if (s.isRecruiter) return '/candidates';
  if (s.isMember) return '/inbox';
  if (s.isAdmin) return '/admin/seats';
  return '/notifications';
}

export function Shell() {
  const s = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [closedFor, setClosedFor] = useState(pathname);
  // Following a link on a phone closes the menu.
  if (closedFor !== pathname) {
    setClosedFor(pathname);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  // A member who is not an organization user: their name is on their profile.
  const profile = useApi<OwnProfile>(!s.me.user && s.isMember ? '/v1/profile' : null);
  const name = s.me.user
    ? `${s.me.user.firstName} ${s.me.user.lastName}`
    : profile.data
      ? `${profile.data.firstName} ${profile.data.lastName}`
      : (s.me.account?.email ?? 'Signed in');
  const seat = s.me.seat;
  const groups = navGroups(s);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="header-inner">
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">
              <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
            </svg>
            <span className="visually-hidden">Menu</span>
          </button>
          <Link to={homePath(s)} className="brand">
            <BrandMark />
            <span>InMail</span>
          </Link>
          <div className="header-info">
            {s.me.organization ? <span className="org">{s.me.organization.name}</span> : null}
            {s.isRecruiter && seat ? (
              <Link
                to="/sent"
                className="seat-balance"
                data-testid="seat-balance"
                title={`${seat.licenseType.name} seat; renews ${new Date(seat.renewsAt).toLocaleDateString()}`}
              >
                <span className="visually-hidden">InMail credits: </span>
                <strong>{seat.balance}</strong>
                <span aria-hidden="true"> credits</span>
              </Link>
            ) : null}
            {s.unread !== null ? (
              <Link to="/notifications" className="bell" data-testid="unread-badge">
                <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">
                  <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
                </svg>
                <span className="visually-hidden">Notifications, </span>
                {s.unread > 0 ? (
                  <span className="count">
                    {s.unread}
                    <span className="visually-hidden"> unread</span>
                  </span>
                ) : (
                  <span className="visually-hidden">none unread</span>
                )}
              </Link>
            ) : null}
            <span className="user" title={s.me.account?.email}>
              <span className="user-name">{name}</span>
              {s.me.user?.title ? <span className="user-title">{s.me.user.title}</span> : null}
            </span>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => {
                void s.logout().then(() => navigate('/login'));
              }}
            >
              Log out
            </button>
          </div>
        </div>
      </header>
      <div className="app-body">
        <nav id="app-nav" className={`app-nav${menuOpen ? ' open' : ''}`} aria-label="Main">
          <p className="nav-user">
            <strong>{name}</strong>
            {s.me.organization ? <span className="muted small"> · {s.me.organization.name}</span> : null}
          </p>
          {groups.map((g) => (
            <div key={g.title} className="nav-group">
              <h2 className="nav-title">{g.title}</h2>
              <ul>
                {g.items.map((i) => (
                  <li key={i.to}>
                    <NavLink to={i.to}>
                      {i.label}
                      {i.badge ? (
                        <span className="nav-badge">
                          {i.badge}
                          <span className="visually-hidden"> unread</span>
                        </span>
                      ) : null}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
