import type { AgendaPreview, RoleKeyResponse, SessionCreatedResponse, SessionListItem } from '../../lib/contracts';

// The organiser's HTTP calls. The organiser key lives in this tab's sessionStorage only.

const keyStore = 'igflive.organiserKey';

export function organiserKey(): string | null {
  try {
    return sessionStorage.getItem(keyStore);
  } catch {
    return null;
  }
}

export function setOrganiserKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(keyStore, key);
    else sessionStorage.removeItem(keyStore);
  } catch {
    // Without storage the key lasts as long as the page.
  }
}

/** An HTTP error as the server words it (RFC 9457 problem details, with a list of errors when there are several). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: string[]) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit, key?: string | null): Promise<T> {
  const headers = new Headers(init.headers);
  if (key) headers.set('Authorization', `Bearer ${key}`);
  headers.set('Accept', 'application/json');
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    let errors: string[] = [];
    try {
      const problem = (await response.json()) as { detail?: string; errors?: string[] };
      detail = problem.detail ?? detail;
      errors = problem.errors ?? [];
    } catch {
      // Not JSON: keep the status.
    }
    throw new ApiError(response.status, detail, errors);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const api = {
  list: (key: string) => call<SessionListItem[]>('/api/sessions', { method: 'GET' }, key),
  parse: (text: string) => call<AgendaPreview>('/api/agenda/parse', { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
  create: (key: string, body: unknown) => call<SessionCreatedResponse>('/api/sessions', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, key),
  rotate: (key: string, id: string, role: string) => call<RoleKeyResponse>(`/api/sessions/${encodeURIComponent(id)}/keys/${encodeURIComponent(role)}/rotate`, { method: 'POST' }, key),
  remove: (key: string, id: string) => call<void>(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }, key),
};
