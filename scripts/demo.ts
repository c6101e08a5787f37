// `npm run demo`: a local homeserver, demo people and an encrypted demo dialogue (a space with
// two rooms), the built app served locally. The demo's scripted participants stay online and
// greet whoever signs in and joins, so the conversation is there to read. Ctrl-C stops all.
import { createSynapse, externalHomeserver, registerUser, removeSynapseData, startSynapse, stopSynapse, type HomeserverInfo } from '../tests/homeserver/synapse.ts';
import { joinWhenInvited, sendMessage, startParticipant, type Participant } from '../tests/participants/participant.ts';
import { addRoomToSpace, createDialogueRoom, createSpace } from '../src/lib/dialogue/rooms.ts';
import { buildApp, serveApp } from './serve.ts';
import { KnownMembership, RoomMemberEvent, type MatrixEvent, type RoomMember } from 'matrix-js-sdk';

const appPort = Number(process.env.PARLEY_APP_PORT ?? 5173);
const hsPort = process.env.PARLEY_HS_PORT ? Number(process.env.PARLEY_HS_PORT) : undefined;
const suffix = Date.now().toString(36).slice(-4);

const guests = [
  { localpart: `demo-you-${suffix}`, password: 'parley-demo-1' },
  { localpart: `demo-friend-${suffix}`, password: 'parley-demo-2' }
];

const conversation: Record<string, [speaker: number, text: string][]> = {
  Plenary: [
    [0, 'Welcome, everyone. This room is end-to-end encrypted: the server only ever sees ciphertext.'],
    [1, 'Спасибо. Можно начать с вопроса о переходе через мост?'],
    [2, 'Bună ziua! For us the first issue is the bus to the hospital on the other bank.'],
    [0, 'Let us collect the practical issues first, then look for what we all agree on.']
  ],
  "Women's working group": [
    [1, 'I have a list of the checkpoints where women report harassment.'],
    [2, 'Please share it here rather than in the open group — and no names, please.'],
    [0, 'Agreed. Pseudonyms only. I will summarise for the plenary on Friday.']
  ]
};

async function main() {
  const hs: HomeserverInfo = externalHomeserver() ?? (await startSynapse(await createSynapse('demo', hsPort)));
  const participants: Participant[] = [];
  let server: Awaited<ReturnType<typeof serveApp>> | null = null;
  const stop = async (code: number) => {
    server?.process.kill();
    for (const p of participants) await p.stop();
    await stopSynapse(hs);
    removeSynapseData(hs);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    await setUp(hs, participants, (s) => (server = s));
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

async function setUp(hs: HomeserverInfo, participants: Participant[], served: (server: Awaited<ReturnType<typeof serveApp>>) => void) {

  console.log('Creating demo people and an encrypted demo dialogue…');
  const names = ['Amina (facilitator)', 'Olena', 'Ana'];
  for (const [i, name] of names.entries()) participants.push(await startParticipant(hs, `demo-${i}-${suffix}`, undefined, name));
  for (const guest of guests) await registerUser(hs, guest.localpart, guest.password);
  const guestIds = guests.map((g) => `@${g.localpart}:${hs.serverName}`);

  const [facilitator, ...others] = participants;
  const spaceId = await createSpace(facilitator.client, 'Demo dialogue: both banks');
  const rooms: Record<string, string> = {};
  for (const roomName of Object.keys(conversation)) {
    rooms[roomName] = await createDialogueRoom(facilitator.client, roomName, 'A demo room');
    await addRoomToSpace(facilitator.client, spaceId, rooms[roomName]);
  }
  for (const roomId of [spaceId, ...Object.values(rooms)]) {
    for (const userId of [...others.map((p) => p.user.userId), ...guestIds]) await facilitator.client.invite(roomId, userId);
    for (const p of others) await joinWhenInvited(p, roomId);
  }

  // History is visible only from joining, so the participants speak once a guest has joined.
  const greeted = new Set<string>();
  facilitator.client.on(RoomMemberEvent.Membership, (_event: MatrixEvent, member: RoomMember) => {
    const roomName = Object.keys(rooms).find((name) => rooms[name] === member.roomId);
    const key = `${member.roomId}|${member.userId}`;
    if (!roomName || member.membership !== KnownMembership.Join || !guestIds.includes(member.userId) || greeted.has(key)) return;
    greeted.add(key);
    void (async () => {
      for (const [speaker, text] of conversation[roomName]) {
        await new Promise((r) => setTimeout(r, 1200));
        await sendMessage(participants[speaker], member.roomId, { msgtype: 'm.text', body: text });
      }
    })();
  });

  buildApp();
  const server = await serveApp(appPort, hs.url);
  served(server);
  console.log(`
Parley demo is running.
  App:         ${server.url}
  Homeserver:  ${hs.url}
  Sign in as:  ${guests.map((g) => `${g.localpart} / ${g.password}`).join('   or   ')}
Accept the invitations to "Demo dialogue: both banks" and its rooms; the demo participants
will start talking when you join. Press Ctrl-C to stop everything.`);
}

void main();
