/** Fetches a protected file with a bearer key and hands it to the browser as a download. */
export async function download(url: string, key: string, fileName: string): Promise<number> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) return response.status;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return response.status;
}

/** A file name from a session title: "governance-innovation-ws133-report.md". */
export function fileNameFor(title: string, suffix: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'session'}-${suffix}`;
}
