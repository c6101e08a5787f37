// The bundled lexicons, one file per language. Each file lists its sources and rationale; keep
// entries reviewable (a gloss in a comment for every term) and add innocent look-alikes to
// lexicon.test.ts whenever a term is added.
import type { LexiconSource } from '../lexicon.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { uk } from './uk.ts';
import { ro } from './ro.ts';
import { ka } from './ka.ts';
import { hy } from './hy.ts';
import { az } from './az.ts';
import { tr } from './tr.ts';
import { sr } from './sr.ts';
import { sq } from './sq.ts';
import { ar } from './ar.ts';
import { fr } from './fr.ts';

export const LEXICON_SOURCES: readonly LexiconSource[] = [en, ru, uk, ro, ka, hy, az, tr, sr, sq, ar, fr];
