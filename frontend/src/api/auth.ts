import { http } from './http'
import type { CurrentUser, Envelope, User } from './types'

export interface Credentials {
  username: string
  password: string
}

export async function login(credentials: Credentials): Promise<User> {
  // Anonymous reads carry no CSRF token (no session is created for them); fetch one before the first write.
  await http.get('/auth/csrf', { skipAuthRedirect: true })
  const res = await http.post<Envelope<User>>('/auth/session', credentials, {
    skipAuthRedirect: true,
  })
  return res.data.data
}

export async function logout(): Promise<void> {
  await http.delete('/auth/session', { skipAuthRedirect: true })
}

/** 401 when there is no session; the caller decides, no redirect. */
export async function fetchMe(): Promise<CurrentUser> {
  const res = await http.get<Envelope<CurrentUser>>('/me', { skipAuthRedirect: true })
  return res.data.data
}
