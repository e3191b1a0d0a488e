import { describe, expect, it } from "vitest";
import { splitMath } from "./math-text";
import { texAccentsToUnicode } from "./tex-accents";

describe("TeX accents in prose", () => {
  it.each([
    [String.raw`Schr\"odinger bridges`, "Schrödinger bridges"],
    [String.raw`Monge-Amp\`ere`, "Monge-Ampère"],
    [String.raw`Erd\H{o}s and \v{C}ech and \v Cech`, "Erdős and Čech and Čech"],
    [String.raw`Poincar\'{e}, {\'e}t\'e, na\"{\i}ve`, "Poincaré, été, naïve"],
    [String.raw`Fran\c{c}ois, Gau\ss{} and Stra\ss e, \O{}rsted, {\aa}ngstr\"om, \L{}ojasiewicz`, "François, Gauß and Straße, Ørsted, ångström, Łojasiewicz"],
    [String.raw`se\~nor, G\"{o}del, \^ole`, "señor, Gödel, ôle"],
  ])("%s reads %s", (tex, text) => {
    expect(texAccentsToUnicode(tex)).toBe(text);
  });

  it("leaves everything else as written", () => {
    for (const text of [String.raw`a \emph{word}, \cite{x}, \"`, String.raw`C:\odd\path`, "no commands at all", String.raw`\over and \label`]) {
      expect(texAccentsToUnicode(text)).toBe(text);
    }
  });

  it("applies to prose only: math keeps its TeX", () => {
    expect(splitMath(String.raw`Schr\"odinger's $\hat{x} = \"o$ and $\o$`)).toEqual([
      { kind: "text", value: "Schrödinger's " },
      { kind: "math", value: String.raw`\hat{x} = \"o`, display: false },
      { kind: "text", value: " and " },
      { kind: "math", value: String.raw`\o`, display: false },
    ]);
  });
});
