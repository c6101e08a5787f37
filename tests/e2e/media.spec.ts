// Files and photos: encrypted on the sender's device, stored by the server only as ciphertext,
// fetched by a reader only when they ask, and photos stripped of their metadata on the way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, twoPeopleInRoom, recordPlaintext } from './fixtures.ts';
import { auditDatabase } from './audit.ts';

/** A JPEG with an EXIF segment (as phone cameras write) that carries `marker` as a text value. */
function jpegWithExif(jpeg: Buffer, marker: string): Buffer {
  // A minimal big-endian TIFF header with an empty first IFD, then the marker as trailing data.
  const tiff = Buffer.concat([Buffer.from('MM\0*\0\0\0\x08\0\0\0\0\0\0', 'latin1'), Buffer.from(marker, 'utf8')]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(2)]);
}

test('files: a photo loses its metadata, nothing loads until asked, and the server holds only ciphertext', async ({ browser, hs, newUser }, info) => {
  test.setTimeout(120_000);
  const tag = info.testId.slice(0, 8);
  const { alice, bob } = await twoPeopleInRoom(browser, hs, newUser, `Photos ${tag}`);

  const gps = `GPS 39.8177N 46.7528E ${tag}`;
  const photoName = `IMG_20261122_Stepanakert_${tag}.jpg`;
  const documentName = `minutes-${tag}.txt`;
  const documentText = `Minutes of the Tuesday circle, not for the server ${tag}`;
  for (const text of [gps, photoName, documentText]) recordPlaintext(info.testId, text);

  // A wide photo, drawn in the browser, then given an EXIF segment with a location in it.
  const drawn = await alice.page.evaluate(async () => {
    const canvas = new OffscreenCanvas(3000, 120);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#c33';
    context.fillRect(0, 0, 3000, 120);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg' });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  const photo = jpegWithExif(Buffer.from(drawn), gps);
  expect(photo.includes(Buffer.from(gps))).toBe(true);

  // Bob's browser must ask for no media before he does.
  const mediaRequests: string[] = [];
  bob.page.on('request', (request) => {
    if (request.url().includes('/media/')) mediaRequests.push(request.url());
  });

  const attach = alice.page.getByTestId('attach-file');
  await attach.setInputFiles({ name: photoName, mimeType: 'image/jpeg', buffer: photo });
  await expect(alice.page.getByTestId('attachment').filter({ hasText: 'image.jpg' })).toBeVisible({ timeout: 30_000 });
  await attach.setInputFiles({ name: documentName, mimeType: 'text/plain', buffer: Buffer.from(documentText) });
  await expect(alice.page.getByTestId('attachment').filter({ hasText: documentName })).toBeVisible({ timeout: 30_000 });

  const bobPhoto = bob.page.getByTestId('attachment').filter({ hasText: 'image.jpg' });
  const bobDocument = bob.page.getByTestId('attachment').filter({ hasText: documentName });
  await expect(bobPhoto).toBeVisible({ timeout: 30_000 });
  await expect(bobDocument).toBeVisible();
  await expect(bob.page.getByText(photoName)).toHaveCount(0);
  await expect(bob.page.getByTestId('attachment-image')).toHaveCount(0);
  expect(mediaRequests).toEqual([]);

  // Asked for, the photo arrives resized to 2048 pixels, and without the location.
  await bobPhoto.getByTestId('attachment-load').click();
  const image = bobPhoto.getByTestId('attachment-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2048);
  const [savedPhoto] = await Promise.all([bob.page.waitForEvent('download'), bobPhoto.getByTestId('attachment-save').click()]);
  expect(savedPhoto.suggestedFilename()).toBe('image.jpg');
  const receivedBytes = readFileSync((await savedPhoto.path())!);
  expect(receivedBytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  expect(receivedBytes.includes(Buffer.from(gps))).toBe(false);
  expect(receivedBytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
  expect(mediaRequests).toHaveLength(1);

  // The document is fetched on request too, and saved with its content intact.
  await bobDocument.getByTestId('attachment-load').click();
  const [download] = await Promise.all([bob.page.waitForEvent('download'), bobDocument.getByTestId('attachment-save').click()]);
  expect(download.suggestedFilename()).toBe(documentName);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(documentText);
  expect(mediaRequests).toHaveLength(2);

  // The server's uploads and database hold neither file in clear, nor the names.
  if (hs.databasePath && hs.root && hs.dataDir) {
    const audit = auditDatabase(hs.databasePath, [gps, photoName, documentName, documentText], join(hs.root, hs.dataDir, 'media_store'));
    expect(audit.filesSearched).toBeGreaterThan(3);
    expect(audit.senderFoundInFiles).toBe(true);
    expect(audit.leakedPlaintexts).toEqual([]);
  }
});
