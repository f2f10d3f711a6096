import { h } from './dom';

let ids = 0;

/**
 * A second step inside a card or a row, so that one stray tap changes nothing: a question, the
 * choices, and a way back (the cancel button or Escape) that returns the focus to the button that
 * opened it. Open, it counts as an editor, so single-key shortcuts stay off inside it.
 */
export class InlineChoice {
  constructor(private readonly slot: HTMLElement, private opener: HTMLButtonElement) {}

  /** Shows the step; returns it so that the caller can gate its command buttons. */
  open(prompt: string, choices: HTMLButtonElement[], cancel: { label: string; className?: string; focus?: boolean }, opener = this.opener): HTMLElement {
    this.opener = opener;
    const id = `choice${++ids}`;
    const back = h('button', { class: cancel.className, attrs: { type: 'button' }, on: { click: () => this.close(true) } }, cancel.label);
    const group = h('div', { class: 'inline-form', attrs: { role: 'group', 'aria-labelledby': id, 'data-editor': true } },
      h('p', { id, class: 'hint' }, prompt), h('div', { class: 'actions' }, ...choices, back));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close(true);
    });
    this.slot.replaceChildren(group);
    this.opener.setAttribute('aria-expanded', 'true');
    (cancel.focus ? back : choices[0] ?? back).focus();
    return group;
  }

  close(refocus: boolean): void {
    this.slot.replaceChildren();
    this.opener.setAttribute('aria-expanded', 'false');
    if (refocus) this.opener.focus();
  }
}
