import { describe, expect, it } from 'vitest';
import { firstLink, parsePreview } from './link-preview.ts';

describe('firstLink', () => {
  it('finds the first web link, without trailing punctuation', () => {
    expect(firstLink('See https://example.org/a?b=1. And http://other.example')).toBe('https://example.org/a?b=1');
    expect(firstLink('(https://example.org/path)')).toBe('https://example.org/path');
  });

  it('ignores text without a web link, and other schemes', () => {
    for (const text of ['no link here', 'javascript:alert(1)', 'mailto:a@example.org', 'ftp://example.org/file']) expect(firstLink(text), text).toBeNull();
  });
});

describe('parsePreview', () => {
  it('takes the title, description and site name as text, trimmed and bounded', () => {
    expect(parsePreview('https://example.org/x', { 'og:title': ' Title ', 'og:description': 'd'.repeat(500), 'og:site_name': 'Site' })).toEqual({
      title: 'Title',
      description: 'd'.repeat(300),
      site: 'Site'
    });
  });

  it('falls back to the host, and shows nothing without a title or for hostile shapes', () => {
    expect(parsePreview('https://example.org/x', { 'og:title': 'T' })).toEqual({ title: 'T', description: null, site: 'example.org' });
    for (const og of [null, undefined, 'x', 42, [], { 'og:title': 3 }, { 'og:title': '   ' }]) expect(parsePreview('https://example.org', og)).toBeNull();
  });
});
