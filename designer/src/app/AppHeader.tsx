/** The bar on top of every page but the editor: brand, main navigation, the page's own actions, who is signed in. */
import type { ReactNode } from 'react'
import { AppNav } from './AppNav'
import { Link } from './Link'
import { UserMenu } from './UserMenu'

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="home-header app-header">
      <div className="app-header-start">
        <Link href="/" className="brand" aria-label="Inloop home">
          <span className="brand-mark" aria-hidden />
          <span className="brand-name">Inloop</span>
        </Link>
        <AppNav />
      </div>
      <div className="home-actions">
        {children}
        <UserMenu />
      </div>
    </header>
  )
}
