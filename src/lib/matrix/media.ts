// Encrypted attachments (the spec's EncryptedFile): the file is encrypted on this device with a
// fresh AES-CTR key, the server stores only ciphertext, and the key travels inside the
// end-to-end encrypted event. Downloads go through authenticated media and are checked
// against the event's SHA-256 before they are decrypted.
import { decryptAttachment, encryptAttachment } from 'matrix-encrypt-attachment';
import type { MatrixClient } from 'matrix-js-sdk';
import * as v from 'valibot';

export const EncryptedFileSchema = v.object({
  url: v.pipe(v.string(), v.startsWith('mxc://'), v.maxLength(500)),
  key: v.object({
    kty: v.literal('oct'),
    key_ops: v.array(v.string()),
    alg: v.literal('A256CTR'),
    k: v.pipe(v.string(), v.maxLength(100)),
    ext: v.literal(true)
  }),
  iv: v.pipe(v.string(), v.maxLength(100)),
  hashes: v.object({ sha256: v.pipe(v.string(), v.maxLength(100)) }),
  v: v.literal('v2')
});
export type EncryptedFile = v.InferOutput<typeof EncryptedFileSchema>;

export function parseEncryptedFile(value: unknown): EncryptedFile | null {
  const parsed = v.safeParse(EncryptedFileSchema, value);
  return parsed.success ? parsed.output : null;
}

/** Encrypts the bytes on this device and uploads only the ciphertext, without a file name. */
export async function uploadEncrypted(client: MatrixClient, bytes: ArrayBuffer): Promise<EncryptedFile> {
  const { data, info } = await encryptAttachment(bytes);
  const { content_uri } = await client.uploadContent(new Blob([data]), { type: 'application/octet-stream', includeFilename: false });
  return { ...info, url: content_uri } as EncryptedFile;
}

export const MEDIA_DOWNLOAD_ERRORS = ['unreachable', 'refused', 'tooLarge', 'corrupt'] as const;

export class MediaDownloadError extends Error {
  readonly reason: (typeof MEDIA_DOWNLOAD_ERRORS)[number];
  constructor(reason: (typeof MEDIA_DOWNLOAD_ERRORS)[number]) {
    super(`media download failed: ${reason}`);
    this.reason = reason;
  }
}

/**
 * Downloads an encrypted file through authenticated media and decrypts it. The digest check
 * (done by decryptAttachment) means a server cannot swap the file for another one.
 */
export async function downloadEncrypted(client: MatrixClient, file: EncryptedFile, maxBytes: number): Promise<ArrayBuffer> {
  const url = client.mxcUrlToHttp(file.url, undefined, undefined, undefined, false, true, true);
  if (!url) throw new MediaDownloadError('refused');
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${client.getAccessToken()}` }, referrerPolicy: 'no-referrer' });
  } catch {
    throw new MediaDownloadError('unreachable');
  }
  if (!response.ok) throw new MediaDownloadError('refused');
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw new MediaDownloadError('tooLarge');
  const ciphertext = await response.arrayBuffer();
  if (ciphertext.byteLength > maxBytes) throw new MediaDownloadError('tooLarge');
  try {
    return await decryptAttachment(ciphertext, file);
  } catch {
    throw new MediaDownloadError('corrupt');
  }
}
