// Sizes of the load runs: full with PARLEY_LOAD=full (`npm run test:load`, the benchmark),
// reduced otherwise, so that the default suite and CI stay short.
const full = process.env.PARLEY_LOAD === 'full';

export const LOAD = {
  full,
  chat: full ? { people: 50, perMember: 20 } : { people: 8, perMember: 10 },
  consultation: full ? { voters: 200, statements: 60 } : { voters: 30, statements: 20 },
  bigRoom: full ? { messages: 10_000 } : { messages: 500 }
} as const;
