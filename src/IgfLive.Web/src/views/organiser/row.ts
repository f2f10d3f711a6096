import { en } from '../../i18n/en';
import { InlineChoice } from '../../lib/choice';
import { h } from '../../lib/dom';
import { download, fileNameFor } from '../../lib/download';
import type { SessionListItem } from '../../lib/contracts';
import { api, ApiError } from './api';
import { allLinksText, copy, knownLinks, linkRow, staffRoles } from './links';

const s = en.organiser;

export interface RowUi {
  key: string;
  say(text: string): void;
  error(text: string): void;
  refresh(): Promise<void>;
  inZone(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string;
}

/**
 * One session in the organiser's list: when and where, downloads, its role links (those this tab
 * knows, and a new link for any role at any time: the old one stops working everywhere), and
 * deleting it while it has not started.
 */
export class SessionRow {
  readonly root: HTMLLIElement;
  private readonly linksPanel = h('div', { class: 'links-panel', attrs: { hidden: true } });
  private readonly confirm = h('div', { class: 'row-confirm' });
  private readonly linksToggle: HTMLButtonElement;
  private readonly step: InlineChoice;

  constructor(private readonly item: SessionListItem, private readonly ui: RowUi) {
    const get = (path: string, suffix: string) => () =>
      void download(`/api/sessions/${encodeURIComponent(item.id)}/${path}`, ui.key, fileNameFor(item.title, suffix))
        .then((status) => {
          if (status >= 400) ui.error(en.staff.downloadFailed(status));
        })
        .catch(() => ui.error(en.common.offline));
    const participant = `${location.origin}/join/${item.participantCode}`;
    this.linksToggle = h('button', { class: 'small', attrs: { type: 'button', 'aria-expanded': 'false' }, on: { click: () => this.toggleLinks() } }, s.manageLinks);
    const remove = h('button', { class: 'small danger', attrs: { type: 'button', hidden: item.status !== 'NotStarted' }, on: { click: () => this.askDelete(remove) } }, s.delete);
    this.step = new InlineChoice(this.confirm, remove);
    this.root = h('li', { class: 'session-item', attrs: { 'data-id': item.id } },
      h('div', { class: 'session-when' },
        h('strong', null, ui.inZone(item.startsAt, item.timeZone, { hour: '2-digit', minute: '2-digit', hour12: false })),
        h('span', { class: 'hint' }, item.timeZone),
        item.room ? h('span', null, item.room) : null),
      h('div', { class: 'session-what' },
        h('p', { class: 'session-title' }, item.title),
        h('p', { class: 'hint' }, s.code(item.participantCode), item.status ? ` · ${s.status[item.status] ?? item.status}` : '', ' · ', h('a', { attrs: { href: participant } }, s.participantLink),
          ' · ', h('a', { attrs: { href: `/screen/${encodeURIComponent(item.participantCode)}`, target: '_blank' } }, s.joinScreen))),
      h('div', { class: 'actions' },
        h('button', { class: 'small', attrs: { type: 'button' }, on: { click: get('report.md', 'report.md') } }, s.report),
        h('button', { class: 'small', attrs: { type: 'button' }, on: { click: get('questions.csv', 'questions.csv') } }, s.csv),
        this.linksToggle,
        remove),
      this.confirm,
      this.linksPanel);
  }

  private toggleLinks(open = this.linksPanel.hidden): void {
    this.linksPanel.hidden = !open;
    this.linksToggle.setAttribute('aria-expanded', String(open));
    if (open) this.showLinks();
  }

  private showLinks(focusRole?: string): void {
    const links: Record<string, string> = { participant: `${location.origin}/join/${this.item.participantCode}`, ...knownLinks.get(this.item.id) };
    const rows = staffRoles.map((role) => {
      const id = `link-${this.item.id}-${role}`;
      const known = links[role];
      const replace = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => this.askRotate(role, replace) } }, known ? s.replaceLink : s.newLink);
      return h('li', { class: 'link-row', attrs: { 'data-role': role } },
        h('label', { attrs: { for: id } }, s.roles[role] ?? role),
        known ? linkRow(id, role, known, (t) => this.ui.say(t)) : h('p', { class: 'hint', id }, s.notKept),
        replace);
    });
    const all = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => void copy(allLinksText(this.item.title, links), (t) => this.ui.say(t), s.copiedAll) } }, s.copyAll);
    this.linksPanel.replaceChildren(h('p', { class: 'hint' }, s.linksHint), h('ul', { class: 'link-list' }, ...rows), all);
    if (focusRole) this.linksPanel.querySelector<HTMLInputElement>(`input[data-role="${focusRole}"]`)?.focus();
  }

  private askRotate(role: string, opener: HTMLButtonElement): void {
    const yes: HTMLButtonElement = h('button', { class: 'danger primary small', attrs: { type: 'button' }, on: { click: () => void this.rotate(role, yes) } }, s.replaceYes);
    this.step.open(s.replaceConfirm(s.roles[role] ?? role), [yes], { label: s.cancel, className: 'small', focus: true }, opener);
  }

  private async rotate(role: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const rotated = await api.rotate(this.ui.key, this.item.id, role);
      knownLinks.set(this.item.id, { [role]: rotated.link });
      this.step.close(false);
      this.showLinks(role);
      this.ui.say(s.replaced(s.roles[role] ?? role));
    } catch (error) {
      this.ui.error(error instanceof ApiError ? error.message : String(error));
      button.disabled = false;
    }
  }

  private askDelete(opener: HTMLButtonElement): void {
    const yes: HTMLButtonElement = h('button', { class: 'danger primary small', attrs: { type: 'button' }, on: { click: () => void this.remove(yes) } }, s.deleteYes);
    this.step.open(s.deleteConfirm(this.item.title), [yes], { label: s.cancel, className: 'small', focus: true }, opener);
  }

  private async remove(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await api.remove(this.ui.key, this.item.id);
      this.ui.say(s.deleted(this.item.title));
      await this.ui.refresh();
    } catch (error) {
      this.ui.error(error instanceof ApiError && error.status === 409 ? s.deleteStarted : error instanceof Error ? error.message : String(error));
      button.disabled = false;
    }
  }
}
