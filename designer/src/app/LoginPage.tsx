/** Sign in with a username and password, over the page that needed it; that page carries on afterwards. */
import { useState } from 'react'
import { api } from '../api/client'
import { markSignedIn } from './session'

export function LoginPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      await api.login(username, password)
      markSignedIn()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="login-page" role="dialog" aria-modal="true" aria-label="Sign in">
      <form className="login-card" onSubmit={submit} data-testid="login">
        <div className="brand">
          <span className="brand-mark" aria-hidden />
          Inloop
        </div>
        <h1>Sign in</h1>
        <label className="field">
          <span className="field-label">Username</span>
          <input className="input" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} name="username" />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} name="password" />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error.charAt(0).toUpperCase() + error.slice(1)}
          </p>
        )}
        <button className="button button-primary button-block" disabled={busy || !username || !password}>
          Sign in
        </button>
      </form>
    </div>
  )
}
