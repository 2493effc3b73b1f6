// Recognising what a report's rows and header name: an indicator by its code or its catalogue name, a unit
// by its code or its name, however the unit spelled, spaced or accented them.
import { foldCompact, foldText } from "./fold";
import type { Indicator, Unit } from "./types";

/** "CT 01", "ct-01" and "CT1" all name CT01. */
function codeKey(code: string): string {
  return foldCompact(code).replace(/^([a-z]+)0*(\d+)$/, "$1$2");
}

/** Folded words without punctuation: "Tin, bài; phóng sự." and "tin bai phong su" compare equal. */
function wordsKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
}

/** A cumulative indicator's name may be written with or without its trailing "(lũy kế)". */
function indicatorNameKey(name: string): string {
  return wordsKey(foldText(name).replace(/\(\s*(luy|luu) ke\s*\)\s*$/, ""));
}

interface CatalogueIndex {
  size: number;
  /** Indicator code by code key, and by name key. */
  byCode: Map<string, string>;
  byName: Map<string, string>;
  /** Codes and names already looked up, as written: the same ones come back in every report. */
  codeAnswers: Map<string, string | null>;
  nameAnswers: Map<string, string | null>;
}

const MAX_REMEMBERED_ANSWERS = 10_000;

// Reports are matched row by row against the same catalogue: fold its codes and names once.
const indexes = new WeakMap<readonly Indicator[], CatalogueIndex>();

function catalogueIndex(catalogue: readonly Indicator[]): CatalogueIndex {
  const cached = indexes.get(catalogue);
  if (cached && cached.size === catalogue.length) return cached;
  const index: CatalogueIndex = { size: catalogue.length, byCode: new Map(), byName: new Map(), codeAnswers: new Map(), nameAnswers: new Map() };
  for (const i of catalogue) {
    if (!index.byCode.has(codeKey(i.code))) index.byCode.set(codeKey(i.code), i.code);
    if (!index.byName.has(indicatorNameKey(i.name))) index.byName.set(indicatorNameKey(i.name), i.code);
  }
  indexes.set(catalogue, index);
  return index;
}

function lookUp(answers: Map<string, string | null>, text: string, compute: () => string | null): string | null {
  let answer = answers.get(text);
  if (answer === undefined) {
    answer = compute();
    if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.clear();
    answers.set(text, answer);
  }
  return answer;
}

export interface IndicatorMatch {
  /**
   * The catalogue code the row stands for: the one its code and name both name, or the one named when
   * only one of them names any. Null when neither names an indicator, or when they name two different
   * ones: which the unit meant cannot be told, and a guess would move a figure into another total.
   */
  indicator: string | null;
  /** The indicator the code names, and the one the name names (null: none, or not given). */
  byCode: string | null;
  byName: string | null;
}

/** Which indicator a row's code and name each name, and the one the row stands for. */
export function matchIndicator(code: string | null, name: string | null, catalogue: readonly Indicator[]): IndicatorMatch {
  const index = catalogueIndex(catalogue);
  const byCode = code ? lookUp(index.codeAnswers, code, () => index.byCode.get(codeKey(code)) ?? null) : null;
  const byName = name ? lookUp(index.nameAnswers, name, () => index.byName.get(indicatorNameKey(name)) ?? null) : null;
  const indicator = byCode && byName && byCode !== byName ? null : byCode ?? byName;
  return { indicator, byCode, byName };
}

/** Words units put before their own name, or leave out, without naming another unit. */
const UNIT_PREFIXES = ["uy ban nhan dan", "ubnd", "ban"];

function unitNameKey(name: string): string {
  let key = wordsKey(name);
  for (const prefix of UNIT_PREFIXES) {
    if (key.startsWith(prefix + " ")) key = key.slice(prefix.length + 1);
  }
  return key;
}

export interface UnitMatch {
  unit: Unit | null;
  /** Up to three known unit names close to the one written, when it matched none. */
  suggestions: string[];
}

const MAX_SUGGESTIONS = 3;

/** The unit a report header names: by code, else by name; otherwise the closest known names. */
interface UnitIndex {
  byCode: Map<string, Unit>;
  byName: Map<string, Unit>;
}

// Folding every unit's code and name for every file made matching quadratic in a batch: fold once per list.
const unitIndexes = new WeakMap<readonly Unit[], UnitIndex>();

function unitIndex(units: readonly Unit[]): UnitIndex {
  let index = unitIndexes.get(units);
  if (!index) {
    index = { byCode: new Map(), byName: new Map() };
    for (const u of units) {
      const code = foldCompact(u.code);
      const name = unitNameKey(u.name);
      // The first unit wins, as a linear search over the list would.
      if (code && !index.byCode.has(code)) index.byCode.set(code, u);
      if (name && !index.byName.has(name)) index.byName.set(name, u);
    }
    unitIndexes.set(units, index);
  }
  return index;
}

/** The unit with this code (compared without case, spaces or punctuation), if any. */
export function unitByCode(code: string | null, units: readonly Unit[]): Unit | null {
  const wanted = code ? foldCompact(code) : "";
  return wanted ? unitIndex(units).byCode.get(wanted) ?? null : null;
}

/** The unit with this name (without case, accents, punctuation or a leading "UBND"), if any. */
export function unitByName(name: string | null, units: readonly Unit[]): Unit | null {
  const wanted = name ? unitNameKey(name) : "";
  return wanted ? unitIndex(units).byName.get(wanted) ?? null : null;
}

/** The units list must not be changed in place after a match: a new list gets a new index. */
export function matchUnit(code: string | null, name: string | null, units: readonly Unit[]): UnitMatch {
  const byCode = unitByCode(code, units);
  if (byCode) return { unit: byCode, suggestions: [] };
  const wantedName = name ? unitNameKey(name) : "";
  if (!wantedName) return { unit: null, suggestions: [] };
  const byName = unitByName(name, units);
  if (byName) return { unit: byName, suggestions: [] };
  return { unit: null, suggestions: closestNames(wantedName, units) };
}

function closestNames(wanted: string, units: readonly Unit[]): string[] {
  return units
    .map((u) => {
      const key = unitNameKey(u.name);
      // Close enough to be a typo: about a third of the longer name may differ.
      const allowed = Math.max(2, Math.floor(Math.max(key.length, wanted.length) / 3));
      return { name: u.name, distance: levenshtein(wanted, key, allowed), allowed };
    })
    .filter((c) => c.distance <= c.allowed)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, "vi"))
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.name);
}

/**
 * Edit distance (insertions, deletions, substitutions) between two strings. With `max`, the answer is
 * exact up to max and max + 1 for anything further, which keeps comparing long names cheap.
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}
