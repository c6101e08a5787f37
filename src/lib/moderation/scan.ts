// One scan of a text, on this device: its language, lexicon hits and personal data. Used for the
// nudge before sending, for reports, and for what a moderator's client flags. Nothing here
// sends anything anywhere.
import { detectLanguage, type ModerationLanguage } from './language.ts';
import { compileLexicon, type LexiconHit, type LexiconTerm } from './lexicon.ts';
import { findPersonalData, type PersonalDataHit } from './personal-data.ts';

export interface ScanResult {
  language: ModerationLanguage | null;
  hits: LexiconHit[];
  personalData: PersonalDataHit[];
  /** The highest severity among the hits, 0 when nothing matched. */
  severity: number;
}

export type Scanner = (text: string) => ScanResult;

/** Compiles the bundled lexicons (plus a room's own terms) once; the returned scanner is cheap per message. */
export function createScanner(roomTerms: LexiconTerm[] = []): Scanner {
  const matchLexicon = compileLexicon(roomTerms);
  return (text) => {
    const hits = matchLexicon(text);
    return {
      language: detectLanguage(text),
      hits,
      personalData: findPersonalData(text),
      severity: hits.reduce((max, hit) => Math.max(max, hit.severity), 0)
    };
  };
}

/** Whether the author should be nudged before sending: something may hurt someone or reveal where they are. */
export function needsNudge(result: ScanResult): { hurt: boolean; reveal: boolean } {
  return { hurt: result.hits.length > 0, reveal: result.personalData.length > 0 };
}

let shared: Scanner | null = null;
/** The scanner over the bundled lexicons, compiled on first use. */
export function sharedScanner(): Scanner {
  shared ??= createScanner();
  return shared;
}
