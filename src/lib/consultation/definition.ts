// From the facilitator's form to a consultation definition: ids are generated, lists are split
// by line, and the minimum group size never goes below 3.
import * as v from 'valibot';
import { DEFAULT_K, definitionContent, MIN_K, type Definition, type QuestionKind } from './events.ts';

export interface DefinitionForm {
  title: string;
  background: { language: string; text: string }[];
  questions: { kind: QuestionKind; text: string }[];
  opensAt: string;
  closesAt: string;
  k: number;
  constituencies: string;
  ageBands: string;
  consent: string;
}

export const DEFAULT_AGE_BANDS = '18–29\n30–44\n45–59\n60+';

function labels(text: string, prefix: string): { id: string; label: string }[] {
  const lines = [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
  return lines.map((label, i) => ({ id: `${prefix}${i + 1}`, label }));
}

function timeOf(local: string): number | null {
  if (!local) return null;
  const ts = new Date(local).getTime();
  return Number.isFinite(ts) ? ts : null;
}

/** The definition, or the names of the fields that are wrong. */
export function definitionFromForm(form: DefinitionForm, id: string): { ok: true; definition: Definition } | { ok: false; fields: string[] } {
  const fields: string[] = [];
  const questions = form.questions.filter((q) => q.text.trim()).map((q, i) => ({ id: `q${i + 1}`, kind: q.kind, text: q.text.trim() }));
  if (!form.title.trim()) fields.push('title');
  if (questions.length === 0) fields.push('questions');
  const opensAt = timeOf(form.opensAt);
  const closesAt = timeOf(form.closesAt);
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt) fields.push('closesAt');
  if (!Number.isInteger(form.k) || form.k < MIN_K) fields.push('k');
  if (fields.length > 0) return { ok: false, fields };
  const candidate = {
    consultation: id,
    title: form.title.trim(),
    background: form.background.filter((b) => b.text.trim()).map((b) => ({ language: b.language, text: b.text.trim() })),
    questions,
    opensAt,
    closesAt,
    k: form.k || DEFAULT_K,
    constituencies: labels(form.constituencies, 'c'),
    ageBands: labels(form.ageBands, 'a'),
    consent: form.consent.trim()
  };
  try {
    return { ok: true, definition: definitionContent(candidate) };
  } catch (error) {
    const issues = error instanceof v.ValiError ? (error.issues as v.BaseIssue<unknown>[]) : [];
    const paths = issues.map((issue) => String(issue.path?.[0]?.key ?? 'form'));
    return { ok: false, fields: [...new Set(paths.length > 0 ? paths : ['form'])] };
  }
}
