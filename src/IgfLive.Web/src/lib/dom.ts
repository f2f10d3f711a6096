// Element construction without HTML strings: every piece of text goes in as a text node,
// so nothing a participant types can ever become markup.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** Attributes; false, null and undefined leave the attribute out, true sets it empty. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.id) el.id = props.id;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      setAttr(el, name, value);
    }
    for (const [name, handler] of Object.entries(props.on ?? {})) {
      el.addEventListener(name, handler as EventListener);
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function setAttr(el: Element, name: string, value: string | number | boolean | null | undefined): void {
  if (value === false || value === null || value === undefined) {
    el.removeAttribute(name);
  } else {
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Replaces an element's content with the given children (text stays text). */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** Sets text only when it changed, so screen readers and selections are not disturbed by no-op updates. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}.`);
  return el as T;
}

/** A button that issues a command: disabled with the rest while the connection is down. */
export function commandButton(label: string, onClick: () => void, props?: Props): HTMLButtonElement {
  const button = h('button', { ...props, attrs: { type: 'button', 'data-cmd': true, ...props?.attrs } }, label);
  button.addEventListener('click', onClick);
  return button;
}

/**
 * Keeps a container's children in step with a list of items by key: new items get an element,
 * existing ones are updated in place (so focus, open editors and typed text survive), gone ones
 * are removed, and elements move only when the order really changed.
 */
export class KeyedList<T, V extends { readonly root: HTMLElement; update(item: T): void }> {
  private readonly views = new Map<string, V>();

  constructor(
    private readonly container: HTMLElement,
    private readonly keyOf: (item: T) => string,
    private readonly create: (item: T) => V,
  ) {}

  render(items: readonly T[]): void {
    // Moving a node out and back in drops its focus; put the focus back where the user left it.
    const active = document.activeElement instanceof HTMLElement && this.container.contains(document.activeElement) ? document.activeElement : null;
    const seen = new Set<string>();
    let index = 0;
    for (const item of items) {
      const key = this.keyOf(item);
      seen.add(key);
      let view = this.views.get(key);
      if (!view) {
        view = this.create(item);
        view.root.dataset['key'] = key;
        this.views.set(key, view);
      }
      view.update(item);
      const at = this.container.children[index];
      if (at !== view.root) this.container.insertBefore(view.root, at ?? null);
      index++;
    }
    for (const [key, view] of this.views) {
      if (!seen.has(key)) {
        view.root.remove();
        this.views.delete(key);
      }
    }
    if (active && active !== document.activeElement && active.isConnected) active.focus();
  }

  get(key: string): V | undefined {
    return this.views.get(key);
  }
}
