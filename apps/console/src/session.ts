// The access token lives in sessionStorage: it goes when the tab closes (shared office computers).
const KEY = 'jm.console.token';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function writeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
