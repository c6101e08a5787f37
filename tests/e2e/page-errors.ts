// Uncaught errors in a page, with where they were thrown, so that a failure names the code.
import type { Page } from '@playwright/test';

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.message} ${error.stack?.split('\n').slice(1, 4).join(' ') ?? ''}`.trim()));
  return errors;
}
