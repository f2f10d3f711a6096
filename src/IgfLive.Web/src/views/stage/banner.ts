import { h, setText } from '../../lib/dom';
import type { StageMessageDto } from '../../lib/contracts';

/** How long a newly arrived message is marked (a brief flash, or a steady frame for reduced motion). */
const ARRIVAL_MS = 2500;

/**
 * The moderator's message on the stage display. Its text shrinks until it fits the space under
 * the clock (a 140-character message must not push anything off a 1080p screen), and a message
 * that has just arrived is marked for a moment so the speaker's eye goes to it.
 */
export class StageBanner {
  readonly root: HTMLElement;
  private readonly text = h('span', { class: 'stage-banner-text' });
  private shownId: string | null = null;
  /** The message already on screen when the page opens has not just arrived. */
  private opened = false;
  private arrivalTimer: number | undefined;

  constructor() {
    this.root = h('p', { class: 'stage-banner', attrs: { role: 'status', hidden: true } }, this.text);
    window.addEventListener('resize', () => this.fit());
  }

  show(message: StageMessageDto | null): void {
    this.root.hidden = !message;
    setText(this.text, message?.text ?? '');
    if (message && message.id !== this.shownId && this.opened) this.markArrival();
    this.shownId = message?.id ?? null;
    this.opened = true;
    this.fit();
  }

  private markArrival(): void {
    window.clearTimeout(this.arrivalTimer);
    this.root.dataset['arrived'] = 'true';
    this.arrivalTimer = window.setTimeout(() => delete this.root.dataset['arrived'], ARRIVAL_MS);
  }

  /** Largest font size (from the stylesheet's, down to a floor) at which the whole text fits its box. */
  private fit(): void {
    const box = this.root;
    box.style.removeProperty('font-size');
    if (box.hidden) return;
    let size = parseFloat(getComputedStyle(box).fontSize);
    const floor = Math.max(16, size / 4);
    while (size > floor && (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1)) {
      size = Math.max(floor, size * 0.9);
      box.style.fontSize = `${size}px`;
    }
  }
}
