import { describe, expect, it } from 'vitest';
import { Filter } from 'matrix-js-sdk';
import { syncFilterDefinition, TIMELINE_LIMIT } from './sync-filter.ts';

describe('sync filter', () => {
  it('asks for no presence, no typing, lazily loaded members and a short timeline', () => {
    const filter = new Filter('@a:example.org');
    filter.setDefinition(syncFilterDefinition());
    const definition = filter.getDefinition();
    expect(definition.presence).toEqual({ not_types: ['*'] });
    expect(definition.room?.state?.lazy_load_members).toBe(true);
    expect(definition.room?.timeline?.limit).toBe(TIMELINE_LIMIT);
    expect(definition.room?.ephemeral?.not_types).toEqual(['m.typing']);
  });
});
