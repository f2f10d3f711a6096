import { en } from '../../i18n/en';
import { formatDuration, minutes } from '../../lib/clock';
import type { ClockDto } from '../../lib/contracts';
import { commandButton, h, KeyedList, setAttr, setText } from '../../lib/dom';
import { Shortcuts } from '../../lib/shortcuts';
import type { StaffPage } from '../shared/staff';

const s = en.onsite;

/** The clock's buttons, their keyboard shortcuts, and the agenda with "go to" for each segment and speaker. */
export class ClockControls {
  readonly root: HTMLElement;
  readonly agenda: HTMLElement;
  private readonly start: HTMLButtonElement;
  private readonly pause: HTMLButtonElement;
  private readonly resume: HTMLButtonElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly plus: HTMLButtonElement;
  private readonly minus: HTMLButtonElement;
  private readonly end: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly segments: KeyedList<number, SegmentRow>;
  private readonly slots: HTMLElement;
  private readonly shortcuts: Shortcuts;

  constructor(private readonly page: StaffPage) {
    const run = (method: string, button: () => HTMLButtonElement, ...args: unknown[]) =>
      () => void page.shell.act(() => page.connection.command(method, ...args), { button: button() });
    this.start = commandButton(s.start, run('StartClock', () => this.start), { class: 'primary', attrs: { 'aria-keyshortcuts': 'S' } });
    this.pause = commandButton(s.pause, run('PauseClock', () => this.pause), { attrs: { 'aria-keyshortcuts': 'Space' } });
    this.resume = commandButton(s.resume, run('ResumeClock', () => this.resume), { class: 'primary', attrs: { 'aria-keyshortcuts': 'Space' } });
    this.previous = commandButton(s.previous, run('PreviousSegment', () => this.previous), { attrs: { 'aria-keyshortcuts': 'P ArrowLeft' } });
    this.next = commandButton(s.next, run('NextSegment', () => this.next), { class: 'primary', attrs: { 'aria-keyshortcuts': 'N ArrowRight' } });
    this.minus = commandButton(s.minus, run('AdjustSegment', () => this.minus, -60), { attrs: { 'aria-keyshortcuts': '-' } });
    this.plus = commandButton(s.plus, run('AdjustSegment', () => this.plus, 60), { attrs: { 'aria-keyshortcuts': '+' } });
    this.end = commandButton(s.end, () => this.dialog.showModal(), { class: 'danger' });
    this.dialog = this.endDialog();
    const press = (button: () => HTMLButtonElement) => () => this.press(button());
    this.shortcuts = new Shortcuts({ on: s.shortcuts, off: en.staff.shortcutsOff }, [
      { keys: ['s', 'S'], run: press(() => this.start) },
      { keys: [' '], run: press(() => (this.page.connection.model.loaded && this.page.connection.model.clock.status === 'Paused' ? this.resume : this.pause)), notOnControls: true },
      { keys: ['n', 'N', 'ArrowRight'], run: press(() => this.next) },
      { keys: ['p', 'P', 'ArrowLeft'], run: press(() => this.previous) },
      { keys: ['+', '='], run: press(() => this.plus) },
      { keys: ['-', '_'], run: press(() => this.minus) },
    ]);
    // The speakers' turns are clock controls too: they stay beside the buttons, pinned in view.
    this.slots = h('div', { class: 'slots' });
    this.root = h('section', { class: 'panel controls', attrs: { 'aria-labelledby': 'h-controls' } },
      h('h2', { id: 'h-controls', class: 'sr-only' }, s.controls),
      h('div', { class: 'actions big-actions' }, this.start, this.pause, this.resume, this.previous, this.next, this.minus, this.plus, this.end),
      this.slots,
      this.shortcuts.hint,
      this.dialog);

    const list = h('ol', { class: 'agenda-list' });
    this.segments = new KeyedList(list, (i) => String(i), (i) => new SegmentRow(page, i));
    this.agenda = h('section', { class: 'panel agenda', attrs: { 'aria-labelledby': 'h-agenda' } }, h('h2', { id: 'h-agenda' }, s.agenda), list);
  }

  render(): void {
    const clock = this.page.connection.model.clock;
    const status = clock.status;
    this.start.hidden = status !== 'NotStarted';
    this.pause.hidden = status !== 'Running';
    this.resume.hidden = status !== 'Paused';
    const inPlay = status === 'Running' || status === 'Paused';
    for (const b of [this.previous, this.next, this.minus, this.plus, this.end]) b.dataset['off'] = String(!inPlay);
    this.segments.render(this.page.connection.model.session.segments.map((_, i) => i));
    this.renderSlots(clock);
    this.page.shell.gate(this.root);
    this.page.shell.gate(this.agenda);
  }

  private renderSlots(clock: ClockDto): void {
    const model = this.page.connection.model;
    const segment = model.session.segments[clock.segment];
    const slots = segment?.slots ?? [];
    this.slots.hidden = slots.length === 0;
    this.slots.replaceChildren(
      h('h3', null, s.slots),
      h('div', { class: 'actions' }, ...slots.map((slot, i) => {
        const name = model.speakerName(slot.speakerId) ?? slot.speakerId;
        const button = commandButton(`${name} (${formatDuration(slot.plannedSeconds)})`,
          () => void this.page.shell.act(() => this.page.connection.command('GoToSpeakerSlot', i), { button }),
          { attrs: { 'aria-current': clock.slot === i ? 'true' : false } });
        button.dataset['off'] = String(!(clock.status === 'Running' || clock.status === 'Paused') || clock.slot === i);
        return button;
      })));
  }

  /** A shortcut presses its button: refused like a click while offline, and only when the button is there to press. */
  private press(button: HTMLButtonElement): void {
    if (!this.page.connection.connected) {
      this.page.shell.offline();
      return;
    }
    if (!button.hidden && !button.disabled) button.click();
  }

  private endDialog(): HTMLDialogElement {
    const yes = commandButton(s.endYes, () => {
      dialog.close();
      void this.page.shell.act(() => this.page.connection.command('EndSession'), { button: this.end });
    }, { class: 'danger primary' });
    const no = h('button', { attrs: { type: 'button', autofocus: true }, on: { click: () => dialog.close() } }, s.endNo);
    const dialog = h('dialog', { class: 'confirm', attrs: { 'aria-labelledby': 'end-title' } },
      h('h2', { id: 'end-title' }, s.end), h('p', null, s.endConfirm), h('div', { class: 'actions' }, no, yes));
    return dialog;
  }
}

/** One segment of the agenda: planned and actual time, and a button to jump to it. */
class SegmentRow {
  readonly root: HTMLLIElement;
  private readonly title = h('span', { class: 'seg-title' });
  private readonly plan = h('span', { class: 'seg-plan' });
  private readonly go: HTMLButtonElement;

  constructor(private readonly page: StaffPage, private readonly index: number) {
    this.go = commandButton('', () => void page.shell.act(() => page.connection.command('GoToSegment', index), { button: this.go }), { class: 'small' });
    this.root = h('li', { class: 'seg' }, h('div', { class: 'seg-text' }, this.title, this.plan), this.go);
  }

  update(): void {
    const model = this.page.connection.model;
    const segment = model.session.segments[this.index]!;
    const timing = model.clock.segments[this.index];
    const current = model.clock.segment === this.index;
    setAttr(this.root, 'aria-current', current ? 'step' : false);
    this.root.dataset['done'] = String(!!timing?.actualEnd);
    setText(this.title, `${this.index + 1}. ${segment.title}`);
    const adjusted = timing ? minutes(timing.adjustedMs) : Math.round(segment.plannedSeconds / 60);
    const planned = Math.round(segment.plannedSeconds / 60);
    const ran = timing?.actualEnd ? ` · ${s.ran(formatDuration(timing.elapsedMs / 1000))}` : '';
    setText(this.plan, `${s.planned(planned)}${adjusted !== planned ? ` → ${adjusted} min` : ''}${ran}`);
    setText(this.go, current ? s.current : s.goToShort);
    setAttr(this.go, 'aria-label', current ? s.currentLabel(segment.title) : s.goTo(segment.title));
    this.go.dataset['off'] = String(current || !(model.clock.status === 'Running' || model.clock.status === 'Paused'));
  }
}
