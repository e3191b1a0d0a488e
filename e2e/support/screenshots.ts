import type { Page, TestInfo } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Saves a full-page screenshot at desktop and phone widths as artifacts of the test. */
export async function screenshotBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const [label, size] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    await page.setViewportSize(size);
    const path = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize(DESKTOP);
}
