/**
 * Saving a downloaded file the way a link would: an object URL on a temporary `<a download>` inside
 * the element's shadow root, revoked once the browser has started the download.
 * @module
 */

/** A file to save: its content and the name the browser should give it. */
export interface SavedFile {
  blob: Blob;
  filename: string;
}

/** Saves `file` through a temporary `<a download>` appended to `root` (an element's render root). */
export function saveFile(root: Node, file: SavedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  root.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked later: the download starts asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
