import { describe, expect, it } from 'vitest';
import { euroAmountInFigures, euroAmountInFrenchWords, numberInFrenchWords } from './words.ts';

describe('numberInFrenchWords', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [30, 'trente'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [90, 'quatre-vingt-dix'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [180, 'cent quatre-vingts'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [999, 'neuf cent quatre-vingt-dix-neuf'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [1230, 'mille deux cent trente'],
    [2000, 'deux mille'],
    [21_000, 'vingt et un mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [280_080, 'deux cent quatre-vingt mille quatre-vingts'],
    [1_000_000, 'un million'],
    [2_000_000, 'deux millions'],
    [200_000_000, 'deux cents millions'],
    [80_000_000, 'quatre-vingts millions'],
    [1_234_567, 'un million deux cent trente-quatre mille cinq cent soixante-sept'],
    [1_000_000_000, 'un milliard'],
    [3_000_001_000, 'trois milliards mille'],
  ])('%d → %s', (n, words) => expect(numberInFrenchWords(n)).toBe(words));

  it('refuses what is not a whole number in range', () => {
    expect(() => numberInFrenchWords(-1)).toThrow(RangeError);
    expect(() => numberInFrenchWords(1.5)).toThrow(RangeError);
    expect(() => numberInFrenchWords(1e12)).toThrow(RangeError);
  });
});

describe('euroAmountInFrenchWords', () => {
  it.each([
    [123_000, 'mille deux cent trente euros'],
    [100, 'un euro'],
    [105, 'un euro et cinq centimes'],
    [50, 'cinquante centimes'],
    [1, 'un centime'],
    [0, 'zéro euro'],
    [2_500, 'vingt-cinq euros'],
    [8_000, 'quatre-vingts euros'],
    [7_150, 'soixante et onze euros et cinquante centimes'],
    [100_000_000, 'un million d’euros'],
    [200_000_000, 'deux millions d’euros'],
    [200_000_100, 'deux millions un euros'],
    [10_000_000_000, 'cent millions d’euros'],
  ])('%d cents → %s', (cents, words) => expect(euroAmountInFrenchWords(cents)).toBe(words));
});

describe('euroAmountInFigures', () => {
  it.each([
    [123_000, '1 230,00 €'],
    [5, '0,05 €'],
    [10_000_000_000, '100 000 000,00 €'],
  ])('%d cents → %s', (cents, figures) => expect(euroAmountInFigures(cents)).toBe(figures));
});
