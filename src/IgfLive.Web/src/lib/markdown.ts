// A small Markdown reader for the session report: headings, paragraphs, lists (items over several
// lines), hard line breaks, tables, emphasis, code, backslash escapes, and the HTML entities and
// <br> of reports written before they stopped using them.
// It builds DOM nodes and puts every piece of text in with textContent: no HTML is ever parsed.

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

export function renderMarkdown(markdown: string): DocumentFragment {
  const out = document.createDocumentFragment();
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(heading[1]!.length + 1, 6); // The page has its own h1.
      out.append(el(`h${level}`, inline(heading[2]!)));
      i++;
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) rows.push(lines[i++]!);
      out.append(table(rows));
      continue;
    }
    const bullet = /^\s*([-*]|\d+\.)\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const list = document.createElement(ordered ? 'ol' : 'ul');
      while (i < lines.length && bullet.test(lines[i]!)) {
        // An item goes on over indented lines that follow it (a note of several lines).
        const item = [lines[i++]!.replace(bullet, '')];
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !bullet.test(lines[i]!)) item.push(lines[i++]!.trimStart());
        list.append(el('li', joinLines(item)));
      }
      out.append(list);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^(#{1,6}\s|\s*\||\s*([-*]|\d+\.)\s)/.test(lines[i]!)) paragraph.push(lines[i++]!.trimStart());
    out.append(el('p', joinLines(paragraph)));
  }
  return out;
}

/** Lines of one block: a line ending in two spaces (or a backslash) breaks there; others run on. */
function joinLines(lines: string[]): Node[] {
  const nodes: Node[] = [];
  lines.forEach((line, n) => {
    const hard = / {2,}$/.test(line) || /\\$/.test(line);
    nodes.push(...inline(line.replace(/( {2,}|\\)$/, '').trimEnd()));
    if (n < lines.length - 1) nodes.push(hard ? document.createElement('br') : document.createTextNode(' '));
  });
  return nodes;
}

function table(rows: string[]): HTMLElement {
  const cells = rows.map(splitRow);
  const separator = (row: string[]) => row.length > 0 && row.every((c) => /^:?-+:?$/.test(c.trim()));
  const hasHead = cells.length > 1 && separator(cells[1]!);
  const tableEl = document.createElement('table');
  if (hasHead) {
    const head = document.createElement('thead');
    head.append(el('tr', cells[0]!.map((c) => el('th', inline(c.trim()), { scope: 'col' }))));
    tableEl.append(head);
  }
  const body = document.createElement('tbody');
  for (const row of cells.slice(hasHead ? 2 : 0)) body.append(el('tr', row.map((c) => el('td', inline(c.trim())))));
  tableEl.append(body);
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  // A wide table scrolls sideways; keyboard users must be able to reach it to scroll it.
  wrap.tabIndex = 0;
  wrap.append(tableEl);
  return wrap;
}

/** Splits "| a | b \| c |" into cells at unescaped bars. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  const text = row.trim().replace(/^\|/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim()) cells.push(current);
  return cells;
}

/** Inline text: escapes, entities, <br>, **strong**, _em_ / *em*, `code`. */
export function inline(text: string): Node[] {
  const nodes: Node[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push(document.createTextNode(buffer));
    buffer = '';
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      buffer += text[i + 1];
      i += 2;
    } else if (text.startsWith('<br>', i)) {
      flush();
      nodes.push(document.createElement('br'));
      i += 4;
    } else if (c === '&' && /^&(lt|gt|amp|quot|#39);/.test(text.slice(i))) {
      const name = /^&(lt|gt|amp|quot|#39);/.exec(text.slice(i))![1]!;
      buffer += entities[name];
      i += name.length + 2;
    } else if (c === '`' && close(text, i + 1, '`') > 0) {
      const end = close(text, i + 1, '`');
      flush();
      nodes.push(el('code', [document.createTextNode(text.slice(i + 1, end))]));
      i = end + 1;
    } else if (text.startsWith('**', i) && close(text, i + 2, '**') > 0) {
      const end = close(text, i + 2, '**');
      flush();
      nodes.push(el('strong', inline(text.slice(i + 2, end))));
      i = end + 2;
    } else if ((c === '_' || c === '*') && close(text, i + 1, c) > i + 1) {
      const end = close(text, i + 1, c);
      flush();
      nodes.push(el('em', inline(text.slice(i + 1, end))));
      i = end + 1;
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
  return nodes;
}

/** Index of the closing token from `from`, skipping escaped characters; -1 when there is none. */
function close(text: string, from: number, token: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text.startsWith(token, i)) {
      return i;
    }
  }
  return -1;
}

function el(tag: string, children: Node[], attrs?: Record<string, string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
