import type { SessionInfoDto } from '../../lib/contracts';

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

export interface SessionListItem {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  room: string | null;
  participantCode: string;
  /** When the session was created (in the list since the organiser can delete sessions). */
  createdAt?: string;
  status?: string;
}

export interface AgendaPreview {
  segments: { line: number; title: string; minutes: number | null; kind: string; description: string | null; perSpeaker: { minMinutes: number; maxMinutes: number; speakers: number | null } | null }[];
  unread: { line: number; text: string; reason: string }[];
  totalMinutes: number;
}

export interface SessionCreated {
  id: string;
  participantCode: string;
  links: Record<string, string>;
  keys: Record<string, string>;
  session: SessionInfoDto;
  unread: AgendaPreview['unread'];
}

/** An HTTP error as the server words it (RFC 9457 problem details, with a list of errors when there are several). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: string[]) {
    super(message);
  }
}

export interface RotatedKey {
  role: string;
  key: string;
  link: string;
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
  create: (key: string, body: unknown) => call<SessionCreated>('/api/sessions', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, key),
  rotate: (key: string, id: string, role: string) => call<RotatedKey>(`/api/sessions/${encodeURIComponent(id)}/keys/${encodeURIComponent(role)}/rotate`, { method: 'POST' }, key),
  remove: (key: string, id: string) => call<void>(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }, key),
};
