import { h } from './dom';

/** Page scaffolding shared by the views: a header, the status line, and the main landmark. */
export interface PageParts {
  header: HTMLElement;
  title: HTMLHeadingElement;
  subtitle: HTMLElement;
  tools: HTMLElement;
  main: HTMLElement;
}

export function scaffold(app: HTMLElement, role: string): PageParts {
  const title = h('h1', { class: 'page-title' });
  const subtitle = h('p', { class: 'page-subtitle' });
  const tools = h('div', { class: 'page-tools' });
  const header = h('header', { class: 'page-header' },
    h('div', { class: 'page-heading' }, h('p', { class: 'page-role' }, role), title, subtitle),
    tools);
  const main = h('main', { id: 'main', class: 'page-main', attrs: { tabindex: -1 } });
  app.replaceChildren(header, main);
  return { header, title, subtitle, tools, main };
}

/** A titled region of a page. */
export function section(title: string, className: string, ...children: Node[]): { root: HTMLElement; heading: HTMLHeadingElement } {
  const id = `h-${className.split(' ')[0]}`;
  const heading = h('h2', { id }, title);
  const root = h('section', { class: `panel ${className}`, attrs: { 'aria-labelledby': id } }, heading, ...children);
  return { root, heading };
}

export function appRoot(): HTMLElement {
  const app = document.getElementById('app');
  if (!app) throw new Error('The page has no #app.');
  return app;
}

/** Shows a full-page problem (a bad link, an unknown session) in place of the view. */
export function fatal(app: HTMLElement, title: string, text: string): void {
  app.replaceChildren(h('main', { id: 'main', class: 'page-main fatal' }, h('h1', null, title), h('p', { attrs: { role: 'alert' } }, text)));
}

/** Formats an instant in a time zone as "15:04". */
export function clockTime(iso: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString().slice(11, 16);
  }
}

/**
 * When a session starts, as a room's next: "16:30" on the zone's today, "Wed, 16 Dec, 09:30" on
 * another day, so a screen in the evening never suggests tomorrow's first session is tonight.
 */
export function startTime(iso: string, timeZone: string, now = Date.now()): string {
  try {
    const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    if (day.format(new Date(iso)) === day.format(new Date(now))) return clockTime(iso, timeZone);
    return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
  }
}
