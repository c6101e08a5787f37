import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_IMAGE_SIDE, attachmentContent, fittedSize, formatBytes, isReencodedImage, outgoingName, showsInline } from './attachments.ts';
import { parseMessage } from './events.ts';
import { EXAMPLE_ENCRYPTED_FILE } from '../matrix/media.fixture.ts';

const file = EXAMPLE_ENCRYPTED_FILE;

describe('showsInline', () => {
  it.each(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])('shows %s images inline', (type) => {
    expect(showsInline('m.image', type)).toBe(true);
  });

  it.each([['m.image', 'image/svg+xml'], ['m.image', 'text/html'], ['m.image', null], ['m.file', 'image/png']])('does not show %s %s inline', (msgtype, type) => {
    expect(showsInline(msgtype, type)).toBe(false);
  });
});

describe('outgoingName', () => {
  it('replaces a photo name, which can tell where and when it was taken', () => {
    expect(outgoingName('IMG_20261122_Tskhinvali.jpg', 'image/jpeg')).toBe('image.jpg');
    expect(outgoingName('Screenshot 2026-11-22.png', 'image/png')).toBe('image.png');
  });

  it('keeps a document name, cut to 255 characters', () => {
    expect(outgoingName('minutes.pdf', 'application/pdf')).toBe('minutes.pdf');
    expect(outgoingName('n'.repeat(300), '')).toHaveLength(255);
  });

  it('re-encodes photos but not GIFs or SVG', () => {
    expect(isReencodedImage('image/jpeg')).toBe(true);
    expect(isReencodedImage('image/gif')).toBe(false);
    expect(isReencodedImage('image/svg+xml')).toBe(false);
  });
});

describe('fittedSize', () => {
  it('scales a 12-megapixel photo down to the longest side', () => {
    expect(fittedSize(4000, 3000)).toEqual({ width: MAX_IMAGE_SIDE, height: 1536 });
    expect(fittedSize(3000, 4000)).toEqual({ width: 1536, height: MAX_IMAGE_SIDE });
  });

  it('never enlarges', () => {
    expect(fittedSize(640, 480)).toEqual({ width: 640, height: 480 });
  });

  it('stays within bounds and at least one pixel for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (w, h) => {
        const fitted = fittedSize(w, h);
        return fitted.width >= 1 && fitted.height >= 1 && fitted.width <= Math.max(w, MAX_IMAGE_SIDE) && Math.max(fitted.width, fitted.height) <= MAX_IMAGE_SIDE;
      })
    );
  });
});

describe('formatBytes', () => {
  it('writes sizes in the reader’s language', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(820_000, 'en')).toBe('820 kB');
    expect(formatBytes(3_400_000, 'en')).toBe('3.4 MB');
    expect(formatBytes(3_400_000, 'fr')).toBe('3,4\u202fMo');
  });
});

describe('attachmentContent', () => {
  it('sends a photo as m.image with its dimensions, and reads back as a loadable file', () => {
    const bytes = new ArrayBuffer(2048);
    const content = attachmentContent({ name: 'image.jpg', mimetype: 'image/jpeg', bytes, width: 20, height: 10 }, file);
    expect(content).toEqual({ msgtype: 'm.image', body: 'image.jpg', file, info: { mimetype: 'image/jpeg', size: 2048, w: 20, h: 10 } });
    expect(parseMessage('m.room.message', content)).toMatchObject({ kind: 'file', msgtype: 'm.image', file, mimetype: 'image/jpeg', size: 2048 });
  });

  it('sends anything else as m.file', () => {
    const content = attachmentContent({ name: 'minutes.pdf', mimetype: 'application/pdf', bytes: new ArrayBuffer(3) }, file);
    expect(content).toMatchObject({ msgtype: 'm.file', info: { mimetype: 'application/pdf', size: 3 } });
  });
});
