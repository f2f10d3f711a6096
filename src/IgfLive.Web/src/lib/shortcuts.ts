import { h, setText } from './dom';

/** One single-key shortcut: the keys (KeyboardEvent.key values) that run it. */
export interface Shortcut {
  keys: readonly string[];
  run: (event: KeyboardEvent) => void;
  /** Space and Enter activate a focused button or link themselves: a shortcut on them must not act there too. */
  notOnControls?: boolean;
}

/** Whether an element is, or is inside, a place where keys belong to what the user is filling in. */
export function inFormControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  // Radios and checkboxes included: arrow keys and Space are how they are operated.
  return target.closest('input, textarea, select, form, dialog, [role="dialog"], [data-editor]') !== null;
}

function onControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary') !== null;
}

/**
 * A view's single-key shortcuts. They never act while focus is in a form control or an open
 * editor (so typing, and operating radios and checkboxes, can never move the clock or change a
 * question), and the hint says so whenever they are off. Escape leaves a plain form field, which
 * turns them back on; editors that handle Escape themselves keep it.
 */
export class Shortcuts {
  readonly hint: HTMLElement;

  constructor(private readonly text: { on: string; off: string }, private readonly shortcuts: readonly Shortcut[], private readonly blocked: () => boolean = () => false) {
    this.hint = h('p', { class: 'hint shortcuts', attrs: { 'data-state': 'on', 'data-volatile': true } }, text.on);
    document.addEventListener('keydown', (event) => this.handle(event));
    document.addEventListener('focusin', () => this.show());
    document.addEventListener('focusout', () => queueMicrotask(() => this.show()));
  }

  /** Whether a key press now would run a shortcut. */
  get active(): boolean {
    return !inFormControl(document.activeElement) && !this.blocked();
  }

  private show(): void {
    const on = !inFormControl(document.activeElement);
    this.hint.dataset['state'] = on ? 'on' : 'off';
    setText(this.hint, on ? this.text.on : this.text.off);
  }

  private handle(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return;
    if (inFormControl(event.target)) {
      const field = event.target as HTMLElement;
      // Escape steps out of a plain field; an editor's own Escape has already moved the focus away.
      if (event.key === 'Escape' && document.activeElement === field && !field.closest('[data-editor], dialog')) {
        field.blur();
        this.show();
      }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || this.blocked()) return;
    const shortcut = this.shortcuts.find((s) => s.keys.includes(event.key));
    if (!shortcut || (shortcut.notOnControls && onControl(event.target))) return;
    event.preventDefault();
    shortcut.run(event);
  }
}
