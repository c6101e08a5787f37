import { describe, expect, it } from 'vitest';
import { MEGOLM, NotEncryptedError, dialogueRoomOptions, isValidMatrixId, spaceOptions, waitForRoomEncryption } from './rooms.ts';

type StateEvent = { type: string; state_key?: string; content: Record<string, unknown> };

function stateOf(options: { initial_state?: unknown[] }, type: string): StateEvent | undefined {
  const events = (options.initial_state ?? []) as StateEvent[];
  const matching = events.filter((event) => event.type === type);
  expect(matching.length).toBeLessThanOrEqual(1);
  return matching[0];
}

describe('dialogueRoomOptions', () => {
  const options = dialogueRoomOptions('  Village council  ', '  Water rights  ');

  it('trims the name and topic', () => {
    expect(options.name).toBe('Village council');
    expect(options.topic).toBe('Water rights');
  });

  it('leaves out an empty topic', () => {
    expect(dialogueRoomOptions('Room').topic).toBeUndefined();
    expect(dialogueRoomOptions('Room', '   ').topic).toBeUndefined();
  });

  it('is encrypted with Megolm from the first event', () => {
    expect(MEGOLM).toBe('m.megolm.v1.aes-sha2');
    expect(stateOf(options, 'm.room.encryption')).toEqual({ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } });
  });

  it('is invite-only', () => {
    expect(stateOf(options, 'm.room.join_rules')?.content).toEqual({ join_rule: 'invite' });
  });

  it('shows history only from joining', () => {
    expect(stateOf(options, 'm.room.history_visibility')?.content).toEqual({ history_visibility: 'joined' });
  });

  it('forbids guests', () => {
    expect(stateOf(options, 'm.room.guest_access')?.content).toEqual({ guest_access: 'forbidden' });
  });

  it('is private and created with the private chat preset', () => {
    expect(options.visibility).toBe('private');
    expect(options.preset).toBe('private_chat');
  });

  it('is an ordinary room, not a space', () => {
    expect(options.creation_content).toBeUndefined();
  });

  it('uses empty state keys for all initial state', () => {
    for (const event of (options.initial_state ?? []) as StateEvent[]) expect(event.state_key).toBe('');
  });
});

describe('spaceOptions', () => {
  const options = spaceOptions(' Dialogue ', ' About ');

  it('creates a space', () => {
    expect(options.creation_content).toEqual({ type: 'm.space' });
    expect(options.name).toBe('Dialogue');
    expect(options.topic).toBe('About');
  });

  it('is private, invite-only, without guests, with history from joining', () => {
    expect(options.visibility).toBe('private');
    expect(options.preset).toBe('private_chat');
    expect(stateOf(options, 'm.room.join_rules')?.content).toEqual({ join_rule: 'invite' });
    expect(stateOf(options, 'm.room.history_visibility')?.content).toEqual({ history_visibility: 'joined' });
    expect(stateOf(options, 'm.room.guest_access')?.content).toEqual({ guest_access: 'forbidden' });
  });

  it('lets only the creator change the space', () => {
    expect(options.power_level_content_override).toEqual({ events_default: 100 });
  });
});

describe('isValidMatrixId', () => {
  it.each([
    '@a:example.org',
    '@alice:example.org',
    '@a.b-c:host:8448',
    '@user_1=x/y+z:matrix.example.org',
    '@Alice:Example.Org',
    '  @alice:example.org  ',
    '@bob:localhost'
  ])('accepts %j', (id) => {
    expect(isValidMatrixId(id)).toBe(true);
  });

  it.each([
    'alice',
    '@alice',
    'alice:example.org',
    '@a b:x',
    '@:example.org',
    '@alice:',
    '@alice:exa mple.org',
    '@alice:example.org:port',
    '@alice:example.org:',
    '#room:example.org',
    '!room:example.org',
    '@alice@example.org',
    '',
    '@alice:example.org\n@bob:example.org'
  ])('rejects %j', (id) => {
    expect(isValidMatrixId(id)).toBe(false);
  });
});

describe('waitForRoomEncryption', () => {
  const clientWith = (answers: boolean[]) =>
    ({ getCrypto: () => ({ isEncryptionEnabledInRoom: async () => (answers.length > 1 ? answers.shift()! : answers[0]) }) }) as unknown as import('matrix-js-sdk').MatrixClient;

  it('resolves once the crypto layer knows the room is encrypted', async () => {
    await expect(waitForRoomEncryption(clientWith([false, false, true]), '!r:x', 2_000)).resolves.toBeUndefined();
  });

  it('refuses (so nothing is sent in clear) when encryption never shows up', async () => {
    await expect(waitForRoomEncryption(clientWith([false]), '!r:x', 300)).rejects.toBeInstanceOf(NotEncryptedError);
  });
});
