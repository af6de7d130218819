import { describe, expect, it } from "vitest";
import { snippetPieces } from "./snippet-marks";

const shown = (snippet: string, term: string) => snippetPieces(snippet, term).map((piece) => (piece.marked ? `[${piece.text}]` : piece.text)).join("");

describe("snippetPieces", () => {
  it("marks the term wherever it occurs, whatever the case", () => {
    expect(snippetPieces("Remember the word Zanzibarquokka please", "zanzibarquokka")).toEqual([
      { text: "Remember the word ", marked: false },
      { text: "Zanzibarquokka", marked: true },
      { text: " please", marked: false },
    ]);
    expect(shown("quokka, QUOKKA and quokka", "Quokka")).toBe("[quokka], [QUOKKA] and [quokka]");
  });

  it("marks every word of a several-word term, in any order", () => {
    expect(shown("the blue whale sings to the whale blue", "whale blue")).toBe("the [blue] [whale] sings to the [whale] [blue]");
  });

  it("makes overlapping and touching matches one mark", () => {
    expect(shown("abcabc", "abc bca")).toBe("[abcabc]");
    expect(shown("nanana", "nana")).toBe("[nana]na");
  });

  it("keeps markup as plain text: nothing here is parsed", () => {
    expect(snippetPieces("Hostile <img src=x onerror=alert(1)> text zanzibarquokka", "zanzibarquokka")).toEqual([
      { text: "Hostile <img src=x onerror=alert(1)> text ", marked: false },
      { text: "zanzibarquokka", marked: true },
    ]);
    expect(shown("a <b>tag</b>", "<b>")).toBe("a [<b>]tag</b>");
  });

  it("puts the snippet on one line", () => {
    expect(shown("  first line\n\n  second\tline … third ", "second")).toBe("first line [second] line … third");
  });

  it("gives the whole text unmarked when the term is not in it (the gateway matched a form of the word)", () => {
    expect(snippetPieces("Café au lait", "cafe")).toEqual([{ text: "Café au lait", marked: false }]);
    expect(snippetPieces("", "x")).toEqual([{ text: "", marked: false }]);
  });
});
