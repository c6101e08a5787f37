// Moderation scan speed: the scan runs on every message on the reader's device (old phones
// included), so its per-message cost matters. 10,000 mixed-language messages, scanned one by one
// with the same scanner the app uses; median and p99 per message.
import { performance } from 'node:perf_hooks';
import { createScanner } from '../src/lib/moderation/scan.ts';

const SAMPLES = [
  'We could meet at the bridge on Saturday if the checkpoint is open.',
  'Давайте обсудим расписание автобуса до больницы на другом берегу.',
  'Автобус до лікарні ходить лише двічі на тиждень, це дуже незручно.',
  'Ne putem întâlni sâmbătă la pod, dacă punctul de control este deschis.',
  'შეხვედრა შაბათს იქნება, თუ საგუშაგო ღია იქნება.',
  'Հանդիպումը կլինի շաբաթ օրը, եթե անցակետը բաց լինի։',
  'Görüş şənbə günü körpünün yanında olacaq, əgər keçid açıq olarsa.',
  'Cumartesi günü köprüde buluşabiliriz, kontrol noktası açıksa.',
  'Можемо да се нађемо у суботу код моста ако је прелаз отворен.',
  'Možemo se naći u subotu kod mosta ako je prelaz otvoren.',
  'Mund të takohemi të shtunën te ura nëse pika e kontrollit është e hapur.',
  'يمكننا أن نلتقي يوم السبت عند الجسر إذا كان المعبر مفتوحاً.',
  'Nous pourrions nous retrouver samedi au pont si le poste de contrôle est ouvert.',
  'Я тебя убью, если ещё раз придёшь на собрание.',
  'Call me at +373 69 123 456 or write to ana.p@example.md, I live at str. Mihai Eminescu 3.',
  'Ты тупая баба, сиди дома и молчи.'
];

/** A deterministic stream of messages: samples with a varying suffix, so no two strings are equal. */
function messages(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${SAMPLES[i % SAMPLES.length]} ${(i * 7919) % 1000}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function benchModeration(count = 10_000): Promise<{ moderationScanP50Ms: number; moderationScanP99Ms: number }> {
  const scan = createScanner();
  const batch = messages(count);
  for (const text of batch.slice(0, 500)) scan(text); // warm-up: JIT, lexicon caches
  const times: number[] = [];
  for (const text of batch) {
    const start = performance.now();
    scan(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const result = { moderationScanP50Ms: round(percentile(times, 50)), moderationScanP99Ms: round(percentile(times, 99)) };
  console.log(
    `moderation scan of ${count} mixed-language messages: p50 ${result.moderationScanP50Ms} ms, p99 ${result.moderationScanP99Ms} ms per message (goal p99 ≤ 1 ms)`
  );
  return result;
}

if (import.meta.filename === process.argv[1]) console.log(JSON.stringify(await benchModeration()));
