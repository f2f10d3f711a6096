import { h } from '../../lib/dom';

let ids = 0;

/** A labelled form control with room for its own error, said next to it and tied to it for screen readers. */
export class Field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> {
  readonly root: HTMLElement;
  private readonly error: HTMLElement;
  private readonly describedBy: string;

  constructor(readonly control: T, label: string, hint?: string) {
    if (!control.id) control.id = `f${++ids}`;
    const id = control.id;
    this.error = h('p', { id: `${id}-error`, class: 'field-error', attrs: { hidden: true } });
    const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
    this.describedBy = [control.getAttribute('aria-describedby'), hintEl ? `${id}-hint` : null].filter(Boolean).join(' ');
    if (this.describedBy) control.setAttribute('aria-describedby', this.describedBy);
    this.root = h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control, hintEl, this.error);
    control.addEventListener('input', () => this.clear());
    control.addEventListener('change', () => this.clear());
  }

  get value(): string {
    return this.control.value.trim();
  }

  /** Marks the field as wrong with words that say how to put it right. */
  fail(text: string): void {
    this.error.hidden = false;
    this.error.textContent = text;
    this.control.setAttribute('aria-invalid', 'true');
    this.control.setAttribute('aria-describedby', [this.describedBy, this.error.id].filter(Boolean).join(' '));
  }

  clear(): void {
    if (this.error.hidden) return;
    this.error.hidden = true;
    this.control.removeAttribute('aria-invalid');
    if (this.describedBy) this.control.setAttribute('aria-describedby', this.describedBy);
    else this.control.removeAttribute('aria-describedby');
  }
}

/** Collects the problems of one attempt to create, in the order of the form; the first gets the focus. */
export class Problems {
  readonly list: string[] = [];
  private first: HTMLElement | null = null;

  add(field: Field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>, text: string): void {
    field.fail(text);
    this.list.push(text);
    this.first ??= field.control;
  }

  focusFirst(): void {
    this.first?.focus();
  }
}
