/** Hands a file the page made to the browser's downloads. */
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
