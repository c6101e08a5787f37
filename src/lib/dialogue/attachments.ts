// Files and photos in a conversation. Nothing is fetched until the reader asks (slow, costly
// connections; and fetching tells the server who looked at what, and when). Photos leave the
// device re-encoded: no location, camera or time metadata, a neutral name, and a size that
// suits a slow connection.
import { EventType, type MatrixClient } from 'matrix-js-sdk';
import { downloadEncrypted, uploadEncrypted, type EncryptedFile } from '../matrix/media.ts';
import { waitForRoomEncryption } from './rooms.ts';

/** Larger files are refused before upload: they would cost readers on metered connections dearly. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Image types shown inline once loaded. SVG is not one: it can carry script and external references. */
const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Photo types that are re-encoded before sending, which drops EXIF, XMP and text chunks. */
const REENCODED_IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Longest side of a photo as sent: enough to read a document, far less than a phone camera's. */
export const MAX_IMAGE_SIDE = 2048;

export function showsInline(msgtype: string, mimetype: string | null): boolean {
  return msgtype === 'm.image' && mimetype !== null && INLINE_IMAGE_TYPES.includes(mimetype);
}

export function isReencodedImage(mimetype: string): boolean {
  return mimetype in REENCODED_IMAGE_TYPES;
}

/** A photo's original name often holds a date, a place or a device: it is replaced. */
export function outgoingName(name: string, mimetype: string): string {
  const extension = REENCODED_IMAGE_TYPES[mimetype];
  return extension ? `image.${extension}` : name.slice(0, 255);
}

/** Dimensions scaled to fit MAX_IMAGE_SIDE, keeping the aspect ratio; never enlarged. */
export function fittedSize(width: number, height: number, maxSide = MAX_IMAGE_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A file size for people, in the reader's language: "820 kB", "3.4 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

export interface OutgoingAttachment {
  name: string;
  mimetype: string;
  bytes: ArrayBuffer;
  width?: number;
  height?: number;
}

export function attachmentContent(attachment: OutgoingAttachment, file: EncryptedFile): Record<string, unknown> {
  const image = attachment.width !== undefined && attachment.height !== undefined;
  const info: Record<string, unknown> = { mimetype: attachment.mimetype, size: attachment.bytes.byteLength };
  if (image) Object.assign(info, { w: attachment.width, h: attachment.height });
  return { msgtype: image ? 'm.image' : 'm.file', body: attachment.name, file, info };
}

/** Re-encodes a photo through a canvas at most MAX_IMAGE_SIDE wide: only the pixels survive. */
async function reencodeImage(source: Blob, mimetype: string): Promise<OutgoingAttachment> {
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  const { width, height } = fittedSize(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: mimetype, quality: 0.85 });
  // A browser that cannot write the type (some cannot write WebP) falls back to PNG.
  return { name: outgoingName('', blob.type), mimetype: blob.type, bytes: await blob.arrayBuffer(), width, height };
}

export class AttachmentTooLargeError extends Error {}

/** Prepares a chosen file for sending: photos are re-encoded, other files go as they are. */
export async function prepareAttachment(file: File): Promise<OutgoingAttachment> {
  if (file.size > MAX_ATTACHMENT_BYTES) throw new AttachmentTooLargeError();
  if (isReencodedImage(file.type)) return reencodeImage(file, file.type);
  return { name: outgoingName(file.name, file.type), mimetype: file.type || 'application/octet-stream', bytes: await file.arrayBuffer() };
}

/**
 * Encrypts and uploads the file, then sends its message. Throws, with nothing sent, if the
 * room's encryption is not known or the upload fails; once the message is sent, a failure
 * leaves it in the timeline with retry like any other message.
 */
export async function sendAttachment(client: MatrixClient, roomId: string, attachment: OutgoingAttachment): Promise<void> {
  await waitForRoomEncryption(client, roomId);
  const file = await uploadEncrypted(client, attachment.bytes);
  try {
    await client.sendEvent(roomId, EventType.RoomMessage, attachmentContent(attachment, file) as never);
  } catch {
    // The local echo is marked failed and offers retry.
  }
}

/**
 * Downloads and decrypts a file the reader asked for, and returns an object URL for it. Only
 * images of the inline types keep their type; anything else is marked as opaque bytes, so the
 * browser saves it instead of rendering it in the app's origin.
 */
export async function loadAttachment(
  client: MatrixClient,
  view: { msgtype: string; file: EncryptedFile; mimetype: string | null }
): Promise<string> {
  // Other clients may send more than Parley does; the reader asked, so twice its own limit is allowed.
  const bytes = await downloadEncrypted(client, view.file, MAX_ATTACHMENT_BYTES * 2);
  const type = showsInline(view.msgtype, view.mimetype) ? (view.mimetype as string) : 'application/octet-stream';
  return URL.createObjectURL(new Blob([bytes], { type }));
}
