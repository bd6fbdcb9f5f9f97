/** Saves bytes as a file through the browser's download (the browser binding; the desktop app asks main). */
export function download(bytes: Uint8Array<ArrayBuffer>, mime: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
