// Interpretation: any member may attach a translation to a message, as an encrypted event related
// to it. Machine translation happens on this device (the browser's Translator API, only when its
// model is already here) or, when a facilitator enabled one for the room, on a self-hosted
// LibreTranslate-compatible service, which then reads the text: nothing else sends text anywhere.
import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk';
import { FACILITATOR_LEVEL, powerLevelOf } from './dialogue.ts';
import {
  DialogueEvent,
  parseTranslation,
  parseTranslationService,
  translationContent,
  translationServiceContent,
  type TranslationContent
} from './events.ts';
import { waitForRoomEncryption } from './rooms.ts';

export interface Translation extends TranslationContent {
  id: string;
  sender: string;
  ts: number;
}

/** The valid translations among `events`, by the message they translate, oldest first. */
export function translationsIn(events: Iterable<MatrixEvent>): Map<string, Translation[]> {
  const byMessage = new Map<string, Translation[]>();
  for (const event of events) {
    if (event.getType() !== DialogueEvent.translation || event.isRedacted()) continue;
    const translation = parseTranslation(event.getContent());
    if (!translation) continue;
    const list = byMessage.get(translation.eventId) ?? [];
    list.push({ ...translation, id: event.getId() ?? '', sender: event.getSender() ?? '', ts: event.getTs() });
    byMessage.set(translation.eventId, list);
  }
  return byMessage;
}

const primary = (tag: string) => tag.split('-')[0].toLowerCase();

/** The latest translation into the reader's language (by primary language subtag), if any. */
export function translationFor<T extends Translation>(translations: T[] | undefined, readerLanguage: string): T | null {
  const wanted = primary(readerLanguage);
  return translations?.findLast((translation) => primary(translation.language) === wanted) ?? null;
}

/** The translation service a facilitator of the room enabled last, or null. */
export function translationServiceIn(room: Room, events: Iterable<MatrixEvent>): string | null {
  let url: string | null = null;
  for (const event of events) {
    if (event.getType() !== DialogueEvent.translationService || powerLevelOf(room, event.getSender() ?? '') < FACILITATOR_LEVEL) continue;
    const parsed = parseTranslationService(event.getContent());
    if (parsed !== undefined) url = parsed;
  }
  return url;
}

export async function attachTranslation(client: MatrixClient, roomId: string, translation: TranslationContent): Promise<void> {
  await waitForRoomEncryption(client, roomId);
  await client.sendEvent(roomId, DialogueEvent.translation as never, translationContent(translation) as never);
}

/** Enables a self-hosted service for the room (or turns it off with null), encrypted in the room. */
export async function setTranslationService(client: MatrixClient, roomId: string, url: string | null): Promise<void> {
  await waitForRoomEncryption(client, roomId);
  await client.sendEvent(roomId, DialogueEvent.translationService as never, translationServiceContent(url) as never);
}

export type TranslateText = (text: string) => Promise<string>;

/** The part of the browser's Translator API used here. */
export interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: { sourceLanguage: string; targetLanguage: string }): Promise<{ translate(text: string): Promise<string> }>;
}

function browserTranslator(): TranslatorApi | null {
  return ((globalThis as { Translator?: TranslatorApi }).Translator) ?? null;
}

/**
 * A translator that runs on this device, or null. Only a model already on the device counts:
 * a "downloadable" one would make the browser fetch it from its vendor.
 */
export async function onDeviceTranslator(sourceLanguage: string, targetLanguage: string, api = browserTranslator()): Promise<TranslateText | null> {
  if (!api || primary(sourceLanguage) === primary(targetLanguage)) return null;
  const options = { sourceLanguage: primary(sourceLanguage), targetLanguage: primary(targetLanguage) };
  try {
    if ((await api.availability(options)) !== 'available') return null;
    const translator = await api.create(options);
    return (text) => translator.translate(text);
  } catch {
    return null;
  }
}

export class TranslationServiceError extends Error {
  name = 'TranslationServiceError';
}

/** Translates with a LibreTranslate-compatible service (POST /translate). The service reads the text. */
export async function translateRemotely(
  serviceUrl: string,
  text: string,
  sourceLanguage: string | null,
  targetLanguage: string,
  fetchImpl: typeof fetch = fetch
): Promise<string> {
  const endpoint = new URL(serviceUrl);
  endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, '')}/translate`;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ q: text, source: sourceLanguage ? primary(sourceLanguage) : 'auto', target: primary(targetLanguage), format: 'text' }),
      referrerPolicy: 'no-referrer',
      credentials: 'omit'
    });
  } catch (cause) {
    throw new TranslationServiceError('unreachable', { cause });
  }
  if (!response.ok) throw new TranslationServiceError(`status ${response.status}`);
  const result = (await response.json().catch(() => null)) as { translatedText?: unknown } | null;
  if (typeof result?.translatedText !== 'string' || result.translatedText.length === 0) throw new TranslationServiceError('malformed');
  return result.translatedText;
}
