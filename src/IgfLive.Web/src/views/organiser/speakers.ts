import { en } from '../../i18n/en';
import { limits } from '../../lib/contracts';
import { h } from '../../lib/dom';
import { Field } from './field';

const s = en.organiser;

/** A speaker row: name, organisation and stakeholder group. */
export class SpeakerRow {
  readonly root: HTMLLIElement;
  readonly name: Field<HTMLInputElement>;
  readonly organisation: Field<HTMLInputElement>;
  readonly group: Field<HTMLSelectElement>;

  constructor(onRemove: (row: SpeakerRow) => void, onChange: () => void) {
    this.name = new Field(h('input', { attrs: { type: 'text', maxlength: limits.name } }), s.speakerName);
    this.organisation = new Field(h('input', { attrs: { type: 'text', maxlength: limits.organisation } }), s.speakerOrg);
    this.group = new Field(h('select', null, h('option', { attrs: { value: '' } }, '—'),
      ...Object.entries(en.common.stakeholderGroups).map(([value, label]) => h('option', { attrs: { value } }, label))), s.speakerGroup);
    this.name.control.addEventListener('input', onChange);
    const remove = h('button', { class: 'small danger', attrs: { type: 'button' }, on: { click: () => onRemove(this) } }, s.removeSpeaker);
    this.root = h('li', { class: 'speaker-row' }, this.name.root, this.organisation.root, this.group.root, remove);
  }
}
