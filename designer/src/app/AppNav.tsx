/**
 * The app's main navigation: the pages the signed-in person's roles may use.
 * Add a page by adding a line to PAGES.
 */
import { Link } from './Link'
import { usePathname } from './router'
import { useCurrentUser } from './useCurrentUser'
import '../styles/app-nav.css'

interface NavPage {
  href: string
  label: string
  /** Roles that see the link; admins see every link. */
  roles: string[]
  active(path: string): boolean
}

const PAGES: NavPage[] = [
  { href: '/', label: 'Flows', roles: ['designer', 'owner'], active: (p) => p === '/' || p.startsWith('/flows/') },
  { href: '/inbox', label: 'Inbox', roles: ['reviewer', 'designer', 'owner'], active: (p) => p === '/inbox' || p.startsWith('/inbox/') },
  { href: '/outbox', label: 'Outbox', roles: ['designer', 'owner'], active: (p) => p === '/outbox' },
]

export function AppNav() {
  const path = usePathname()
  const user = useCurrentUser()
  if (!user) return null
  const mayUse = (page: NavPage) => user.roles.includes('admin') || page.roles.some((r) => user.roles.includes(r))
  const pages = PAGES.filter(mayUse)
  if (pages.length < 2) return null
  return (
    <nav className="app-nav" aria-label="Main">
      {pages.map((page) => (
        <Link key={page.href} href={page.href} className="app-nav-link" aria-current={page.active(path) ? 'page' : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  )
}
