import { describe, expect, it } from "vitest";
import { renderedCommentsMemory } from "./rendered-comments";

/** A renderer that says how often it ran. */
function countingRender() {
  const calls: string[] = [];
  return { calls, render: (source: string) => (calls.push(source), `<p>${source}</p>`) };
}

describe("renderedCommentsMemory", () => {
  it("renders a comment once while its text stays the same", () => {
    const remember = renderedCommentsMemory();
    const { calls, render } = countingRender();
    expect(remember(1, "Hello", render)).toBe("<p>Hello</p>");
    expect(remember(1, "Hello", render)).toBe("<p>Hello</p>");
    expect(calls).toEqual(["Hello"]);
  });

  it("renders an edited comment afresh, and never answers one comment with another's HTML", () => {
    const remember = renderedCommentsMemory();
    const { calls, render } = countingRender();
    remember(1, "First draft", render);
    expect(remember(1, "Edited", render)).toBe("<p>Edited</p>");
    expect(remember(2, "Edited", render)).toBe("<p>Edited</p>");
    expect(calls).toEqual(["First draft", "Edited", "Edited"]);
  });

  it("forgets the least recently shown comments beyond its size", () => {
    // Each entry holds 5 + 12 characters: room for two.
    const remember = renderedCommentsMemory({ maxCharacters: 40 });
    const { calls, render } = countingRender();
    remember(1, "one..", render);
    remember(2, "two..", render);
    remember(1, "one..", render);
    remember(3, "three", render);
    remember(1, "one..", render);
    remember(2, "two..", render);
    expect(calls).toEqual(["one..", "two..", "three", "two.."]);
  });
});
