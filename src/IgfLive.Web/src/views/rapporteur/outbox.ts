import { CommandError, type SessionConnection } from '../../lib/connection';
import type { AddNoteRequest, CommandResult } from '../../lib/contracts';

/** A note written but not yet acknowledged by the server. */
export interface PendingNote {
  /** Sent with the note: the server records a request id once, so a resend never makes a second note. */
  requestId: string;
  request: AddNoteRequest;
}

/**
 * The rapporteur's unsent notes, in the order they were written, kept on this device (so a reload or
 * a dead connection loses none) and sent one at a time, in order, whenever the connection is up.
 * Each carries its own request id: a note whose acknowledgement was lost is sent again and recorded
 * once. A note the server refuses (not a lost connection) leaves the queue and is handed back.
 */
export class NoteOutbox {
  private readonly storageKey: string;
  private notes: PendingNote[];
  private sending = false;

  constructor(
    sessionId: string,
    private readonly connection: SessionConnection,
    private readonly events: { changed(): void; sent(result: CommandResult): void; refused(note: PendingNote, error: CommandError): void },
  ) {
    this.storageKey = `igflive.outbox.${sessionId}`;
    this.notes = load(this.storageKey);
    connection.onState((state) => {
      if (state === 'connected') void this.flush();
    });
  }

  get pending(): readonly PendingNote[] {
    return this.notes;
  }

  add(request: AddNoteRequest): void {
    this.notes.push({ requestId: newRequestId(), request });
    this.save();
    void this.flush();
  }

  /** Sends what is waiting, oldest first; stops at the first note that could not reach the server. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.notes.length > 0 && this.connection.connected) {
        const note = this.notes[0]!;
        try {
          const result = await this.connection.command('AddNote', { ...note.request, requestId: note.requestId });
          this.remove(note);
          this.events.sent(result);
        } catch (error) {
          const refusal = error instanceof CommandError ? error : new CommandError('connection_lost', String(error));
          if (refusal.code === 'store_unavailable') {
            // The server is up but its store is not: try again shortly (nothing else would wake the queue).
            window.setTimeout(() => void this.flush(), 3000);
            return;
          }
          if (refusal.code === 'offline' || refusal.code === 'connection_lost') return;
          this.remove(note);
          this.events.refused(note, refusal);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private remove(note: PendingNote): void {
    this.notes = this.notes.filter((n) => n.requestId !== note.requestId);
    this.save();
  }

  private save(): void {
    try {
      if (this.notes.length === 0) localStorage.removeItem(this.storageKey);
      else localStorage.setItem(this.storageKey, JSON.stringify(this.notes));
    } catch {
      // Storage full or refused: the queue still lives as long as the page.
    }
    this.events.changed();
  }
}

function load(key: string): PendingNote[] {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as PendingNote[]).filter((n) => typeof n?.requestId === 'string' && typeof n.request?.text === 'string') : [];
  } catch {
    return [];
  }
}

/** 128 random bits as hex (crypto.randomUUID needs a secure context; a venue's plain http may not be one). */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
