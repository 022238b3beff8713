/**
 * Uploads one file as the raw body, reporting progress. XMLHttpRequest rather than `fetch` because
 * only it reports upload progress, which an inspector on a weak mobile signal needs to see. The
 * session cookie, CSRF token and a fresh Idempotency-Key go along as with every other mutation
 * (`httpCore.ts` builds the headers).
 */
import { apiErrorFromText, csrfToken, newIdempotencyKey, requestHeaders } from '../httpCore.ts';

/** An upload the API refused or that never arrived; `message` is for the user. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Sends `file` as the raw body of a POST to `path`, calling `onProgress` with the fraction sent; resolves to the parsed answer. */
export function uploadWithProgress(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    const headers = requestHeaders({
      file: { data: file, name: file.name, type: file.type },
      idempotencyKey: newIdempotencyKey(),
      csrfToken: csrfToken(),
    });
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as unknown);
      } else {
        reject(new UploadError(apiErrorFromText(xhr.responseText).message ?? `HTTP ${String(xhr.status)}`, xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadError('app.error.network', 0));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
