// How responsive a page stays under load, measured inside it: for every key the person presses,
// the time from the key event to the next frame after it was handled (what they wait for to see
// their keystroke), and the main thread's long tasks (50 ms or more, when nothing else can run).
// The longest animation frame is kept with the scripts that ran in it, to tell what blocked.
import type { Page } from '@playwright/test';

export interface Responsiveness {
  /** One per key press: ms from the key event to the frame after it. */
  keyToFrameMs: number[];
  longTasksMs: number[];
  /** The longest animation frame over 50 ms, and its longest scripts ("invoker in source: ms"). */
  longestFrame: { durationMs: number; scripts: string[] } | null;
}

/** Starts recording in the page as it is now (a navigation ends it). */
export async function startRecordingResponsiveness(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record: Responsiveness = { keyToFrameMs: [], longTasksMs: [], longestFrame: null };
    Object.assign(window, { __responsiveness: record });
    window.addEventListener(
      'keydown',
      (event) => {
        const pressed = event.timeStamp;
        // The frame after the handlers ran: rAF fires before it is painted, the timeout just after.
        requestAnimationFrame(() => setTimeout(() => record.keyToFrameMs.push(performance.now() - pressed)));
      },
      { capture: true }
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasksMs.push(entry.duration);
    }).observe({ type: 'longtask' });
    // Long Animation Frames (Chromium): each long frame names the scripts that ran in it.
    type ScriptTiming = { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { scripts: ScriptTiming[] })[]) {
        if (entry.duration <= (record.longestFrame?.durationMs ?? 50)) continue;
        const scripts = [...entry.scripts]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((script) => `${script.invoker} in ${script.sourceURL.split('/').pop()}${script.sourceFunctionName ? ` ${script.sourceFunctionName}` : ''}: ${Math.round(script.duration)}`);
        record.longestFrame = { durationMs: Math.round(entry.duration), scripts };
      }
    }).observe({ type: 'long-animation-frame' });
  });
}

export async function recordedResponsiveness(page: Page): Promise<Responsiveness> {
  return page.evaluate(() => (window as unknown as { __responsiveness: Responsiveness }).__responsiveness);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
