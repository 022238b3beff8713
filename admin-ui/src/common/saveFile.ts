/** Hands a downloaded file to the browser as a download under the given name. */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL is no longer needed once it has.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
