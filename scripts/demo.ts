// `npm run demo`: a local homeserver, demo people and an encrypted demo dialogue (a space with
// two rooms), the built app served locally. The demo's scripted participants stay online and
// greet whoever signs in and joins, so the conversation is there to read. Ctrl-C stops all.
import { createSynapse, externalHomeserver, registerUser, removeSynapseData, startSynapse, stopSynapse, type HomeserverInfo } from '../tests/homeserver/synapse.ts';
import { joinWhenInvited, sendMessage, startParticipant, type Participant } from '../tests/participants/participant.ts';
import { addRoomToSpace, createDialogueRoom, createSpace } from '../src/lib/dialogue/rooms.ts';
import { createDialogue } from '../src/lib/dialogue/dialogue.ts';
import { definitionFromForm } from '../src/lib/consultation/definition.ts';
import { addStatement, openConsultation, setProfile, vote } from '../src/lib/consultation/room.ts';
import { joinDialogue, waitForConsultation } from '../tests/participants/consultation.ts';
import { randomUUID } from 'node:crypto';
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
    await server?.close();
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

  void consultationDemo(hs, facilitator, guestIds[0]).catch((error) => console.error('demo consultation failed:', error));

  buildApp();
  const server = await serveApp(appPort, hs.url);
  served(server);
  console.log(`
Parley demo is running.
  App:         ${server.url}
  Homeserver:  ${hs.url}
  Sign in as:  ${guests.map((g) => `${g.localpart} / ${g.password}`).join('   or   ')}
Accept the invitations to "Demo dialogue: both banks" and its rooms; the demo participants
will start talking when you join. Once ${guests[0].localpart} has signed in, a second dialogue,
"Demo consultation", invites them to a consultation where six demo participants have voted.
Press Ctrl-C to stop everything.`);
}

const campStatements = {
  A: ['The ferry should reopen under civilian control', 'Schools should teach in the language of the family first'],
  B: ['The ferry should stay closed until elections', 'Schools should teach in the official language first'],
  bridge: ['Women must sit at the negotiating table', 'Both sides should search for missing persons together']
};

/**
 * A consultation the first guest can take part in. It starts once the guest's device exists:
 * a device cannot decrypt what was sent before it signed in.
 */
async function consultationDemo(hs: HomeserverInfo, facilitator: Participant, guestId: string): Promise<void> {
  while (((await facilitator.client.getCrypto()?.getUserDeviceInfo([guestId], true))?.get(guestId)?.size ?? 0) === 0) {
    await new Promise((r) => setTimeout(r, 2000));
  }
  const voters: Participant[] = [];
  for (let i = 0; i < 6; i++) voters.push(await startParticipant(hs, `demo-voter-${i}-${suffix}`, undefined, `Voter ${i + 1}`));
  const dialogue = await createDialogue(facilitator.client, {
    name: 'Demo consultation',
    roomNames: { plenary: 'Demo consultation · plenary', moderators: 'Demo consultation · moderators', negotiators: 'Demo consultation · negotiators' },
    rules: { text: 'Speak for yourself. Never name or describe others. What is said here stays here.', languages: ['en', 'ru', 'ro'] },
    participants: [guestId, ...voters.map((p) => p.user.userId)],
    observers: [],
    negotiators: []
  });
  await Promise.all(voters.map((p) => joinDialogue(p, dialogue.plenary)));
  const form = definitionFromForm(
    {
      title: 'Crossing points: what would help?',
      background: [{ language: 'en', text: 'The negotiators meet next month. What should they hear from women on both banks?' }],
      questions: [
        { kind: 'statements', text: 'Which of these statements do you agree with?' },
        { kind: 'open', text: 'What would make it safer for you to cross?' }
      ],
      opensAt: '',
      closesAt: '',
      k: 3,
      constituencies: 'Left bank\nRight bank',
      ageBands: '',
      consent: 'Your answers are encrypted; only figures about at least 3 people reach the negotiators.'
    },
    randomUUID()
  );
  if (!form.ok) throw new Error(`demo definition: ${form.fields.join(', ')}`);
  await openConsultation(facilitator.client, dialogue, form.definition);
  const open = await waitForConsultation(voters[0], dialogue.plenary, (s) => s.id === form.definition.consultation && s.questions.every((q) => q.thread));
  const question = open.questions[0].id;
  for (const text of [...campStatements.A, ...campStatements.B, ...campStatements.bridge]) await addStatement(voters[0].client, dialogue.plenary, open.id, question, text);
  const seen = await waitForConsultation(voters[0], dialogue.plenary, (s) => s.id === open.id && s.statements.length === 6);
  await Promise.all(
    voters.map(async (p, i) => {
      const camp = i < 3 ? 'A' : 'B';
      await setProfile(p.client, dialogue.plenary, open.id, camp === 'A' ? 'c1' : 'c2', null);
      for (const statement of seen.statements) {
        const side = campStatements.A.includes(statement.text) ? 'A' : campStatements.B.includes(statement.text) ? 'B' : 'bridge';
        await vote(p.client, dialogue.plenary, open.id, statement.id, side === 'bridge' || side === camp ? 'agree' : 'disagree');
      }
    })
  );
  console.log('Demo consultation ready: accept the invitations to "Demo consultation".');
}

void main();
