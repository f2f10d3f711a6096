import { en } from '../../i18n/en';
import { limits } from '../../lib/contracts';
import { h, setText } from '../../lib/dom';
import type { AgendaPreview } from '../../lib/contracts';
import { Field, type Problems } from './field';

const s = en.organiser;

type ParsedSegment = AgendaPreview['segments'][number];

/** Minutes as the form takes them: a number from 0.5 to 600, else null. */
export function minutesOf(field: Field<HTMLInputElement>): number | null {
  const value = Number(field.value);
  return field.value !== '' && Number.isFinite(value) && value >= 0.5 && value <= 600 ? value : null;
}

function minutesInput(value: number | null): HTMLInputElement {
  const input = h('input', { attrs: { type: 'number', min: 0.5, max: 600, step: 0.5, inputmode: 'decimal' } });
  input.value = value === null ? '' : String(value);
  return input;
}

/** One speaker's turn in a segment: who, and for how long. */
class SlotRow {
  readonly root: HTMLLIElement;
  readonly speaker: Field<HTMLSelectElement>;
  readonly minutes: Field<HTMLInputElement>;

  constructor(names: readonly string[], speaker: string, minutes: number | null, onRemove: (row: SlotRow) => void, onChange: () => void) {
    this.speaker = new Field(h('select'), s.slotSpeaker);
    this.minutes = new Field(minutesInput(minutes), s.segmentMinutes);
    this.names(names, speaker);
    this.minutes.control.addEventListener('input', onChange);
    const remove = h('button', { class: 'small danger', attrs: { type: 'button' }, on: { click: () => onRemove(this) } }, s.removeSlot);
    this.root = h('li', { class: 'slot-row' }, this.speaker.root, this.minutes.root, remove);
  }

  /** The speakers to choose from (the form's speaker rows), keeping the choice where it still exists. */
  names(names: readonly string[], chosen = this.speaker.control.value): void {
    this.speaker.control.replaceChildren(h('option', { attrs: { value: '' } }, s.slotNobody), ...names.map((n) => h('option', { attrs: { value: n } }, n)));
    this.speaker.control.value = names.includes(chosen) ? chosen : '';
  }
}

/**
 * An agenda segment being set up: title, minutes, and optionally the speakers' turns in it, filled
 * from what the parser read ("Each speaker will be given 5-6 minutes" with three speakers → three
 * 6-minute slots, given to the speakers in their order) and editable.
 */
export class SegmentRow {
  readonly root: HTMLLIElement;
  readonly title: Field<HTMLInputElement>;
  readonly minutes: Field<HTMLInputElement>;
  private readonly slotList = h('ol', { class: 'slot-rows' });
  private readonly summary = h('summary');
  private readonly slotBox: HTMLDetailsElement;
  private slots: SlotRow[] = [];

  constructor(parsed: Partial<ParsedSegment>, readonly kind: string | null, private names: readonly string[], onRemove: (row: SegmentRow) => void, private readonly onChange: () => void) {
    this.title = new Field(h('input', { attrs: { type: 'text', maxlength: limits.title } }), s.segmentTitle);
    this.title.control.value = parsed.title ?? '';
    this.minutes = new Field(minutesInput(parsed.minutes ?? null), s.segmentMinutes, parsed.minutes === null ? s.noDuration : undefined);
    this.minutes.control.addEventListener('input', onChange);
    const remove = h('button', { class: 'small danger', attrs: { type: 'button' }, on: { click: () => onRemove(this) } }, s.removeSegment);
    const add = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => this.addSlot('', null, true) } }, s.addSlot);
    this.slotBox = h('details', { class: 'slots-editor' }, this.summary, this.slotList, add);
    this.root = h('li', { class: 'seg-row' }, this.title.root, this.minutes.root, remove, this.slotBox);
    const per = parsed.perSpeaker;
    if (per?.speakers) {
      for (let i = 0; i < per.speakers; i++) this.addSlot(names[i] ?? '', per.maxMinutes);
      this.slotBox.open = true;
    }
    this.showSummary();
  }

  setNames(names: readonly string[]): void {
    this.names = names;
    for (const slot of this.slots) slot.names(names);
  }

  /** The segment as the API takes it, or null after adding its problems. */
  read(problems: Problems): { title: string; minutes: number; kind: string | null; slots: { speaker: string; minutes: number }[] } | null {
    const title = this.title.value;
    const minutes = minutesOf(this.minutes);
    if (!title) problems.add(this.title, s.errors.segmentTitle);
    if (minutes === null) problems.add(this.minutes, s.errors.minutes(title || s.segmentTitle));
    const slots = this.slots.map((slot, i) => {
      const speaker = slot.speaker.control.value;
      const length = minutesOf(slot.minutes);
      if (!speaker) problems.add(slot.speaker, s.errors.slotSpeaker(i + 1, title));
      if (length === null) problems.add(slot.minutes, s.errors.minutes(`${title}, ${s.slot(i + 1)}`));
      return { speaker, minutes: length ?? 0 };
    });
    if (slots.length > 0) this.slotBox.open = this.slotBox.open || slots.some((x) => !x.speaker || !x.minutes);
    return title && minutes !== null ? { title, minutes, kind: this.kind, slots } : null;
  }

  private addSlot(speaker: string, minutes: number | null, focus = false): void {
    const row = new SlotRow(this.names, speaker, minutes, (r) => {
      this.slots = this.slots.filter((x) => x !== r);
      r.root.remove();
      this.showSummary();
    }, () => this.showSummary());
    this.slots.push(row);
    this.slotList.append(row.root);
    this.showSummary();
    if (focus) row.speaker.control.focus();
  }

  private showSummary(): void {
    const lengths = this.slots.map((slot) => minutesOf(slot.minutes));
    const same = lengths.length > 0 && lengths.every((m) => m !== null && m === lengths[0]);
    setText(this.summary, this.slots.length === 0 ? s.noSlots : same ? s.slotsSame(this.slots.length, lengths[0]!) : s.slotsCount(this.slots.length));
    this.onChange();
  }
}
