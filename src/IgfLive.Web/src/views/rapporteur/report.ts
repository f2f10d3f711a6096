import { en } from '../../i18n/en';
import { copyText } from '../../lib/clipboard';
import { download, fileNameFor } from '../../lib/download';
import { h } from '../../lib/dom';
import { renderMarkdown } from '../../lib/markdown';
import type { StaffPage } from '../shared/staff';

const s = en.rapporteur;

/**
 * The report as it stands, fetched from the server (the same Markdown the download gives) and
 * shown through the text-only Markdown reader; refreshed shortly after notes or questions change.
 */
export class ReportPreview {
  readonly root: HTMLElement;
  private readonly body = h('div', { class: 'report-body', attrs: { 'data-testid': 'report-preview', 'aria-busy': 'false' } });
  private readonly problem = h('p', { class: 'message error', attrs: { hidden: true } });
  private timer: number | undefined;
  private loading = false;
  private again = false;

  constructor(private readonly page: StaffPage) {
    const refresh = h('button', { attrs: { type: 'button' }, on: { click: () => void this.load() } }, s.refresh);
    const copy = h('button', { attrs: { type: 'button' }, on: { click: () => void this.copyText() } }, s.copyText);
    this.root = h('section', { class: 'panel report', attrs: { 'aria-labelledby': 'h-report' } },
      h('h2', { id: 'h-report' }, s.preview),
      h('div', { class: 'actions' }, refresh, copy, ...downloadButtons(page)),
      this.problem,
      this.body);
  }

  /**
   * Refreshes soon, once, however many changes arrive meanwhile — within the delay of the first of
   * them, so a busy session's preview is never held back by the changes that keep coming.
   */
  schedule(delayMs = 800): void {
    if (this.timer !== undefined && delayMs > 0) return;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, delayMs);
  }

  /**
   * The report as plain text, for pasting where Markdown is not read (an e-mail, a word processor,
   * the IGF's report form): the preview's words as drawn, tables as tab-separated rows.
   */
  private async copyText(): Promise<void> {
    await this.load();
    if (!(await copyText(this.body.innerText.trim()))) {
      this.page.shell.error(s.copyFailed);
      return;
    }
    this.page.shell.say(s.copied);
  }

  async load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    this.body.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(`/api/sessions/${encodeURIComponent(this.page.sessionId)}/report.md`, {
        headers: { Authorization: `Bearer ${this.page.key}` },
        cache: 'no-store',
      });
      if (!response.ok) {
        this.problem.hidden = false;
        this.problem.textContent = s.previewFailed(response.status);
        return;
      }
      this.problem.hidden = true;
      this.body.replaceChildren(renderMarkdown(await response.text()));
    } catch {
      // Offline: the last preview stays; the next change or reconnection loads it again.
    } finally {
      this.loading = false;
      this.body.setAttribute('aria-busy', 'false');
      if (this.again) {
        this.again = false;
        void this.load();
      }
    }
  }
}

/** Report (Markdown) and question log (CSV) downloads with the page's key. */
export function downloadButtons(page: StaffPage): HTMLButtonElement[] {
  const make = (label: string, path: string, suffix: string) => {
    const button = h('button', { attrs: { type: 'button' } }, label);
    button.addEventListener('click', () => {
      const title = page.connection.model.loaded ? page.connection.model.session.title : 'session';
      void download(`/api/sessions/${encodeURIComponent(page.sessionId)}/${path}`, page.key, fileNameFor(title, suffix))
        .then((status) => {
          if (status >= 400) page.shell.error(en.staff.downloadFailed(status));
        })
        .catch(() => page.shell.offline());
    });
    return button;
  };
  return [make(en.staff.downloadReport, 'report.md', 'report.md'), make(en.staff.downloadCsv, 'questions.csv', 'questions.csv')];
}
