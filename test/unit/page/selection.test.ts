// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { valuesFromSelection } from '@/lib/page/selection';

describe('valuesFromSelection', () => {
  it.each([
    ['Service order: 777', '777'],
    ['SO 777', '777'],
    ['SO-777', '777'],
    ['SO#777', '777'],
    ['Order no. 7770142', '7770142'],
    ['  7770142\n', '7770142'],
    ['4500123456', '4500123456'],
    ['SO-2024-0042', 'SO-2024-0042'],
    ['Auftragsnummer 7770142', '7770142'],
  ])('reads "%s" as service order %s', (selection, serviceOrder) => {
    expect(valuesFromSelection(selection)).toEqual({ serviceOrder });
  });

  it.each([
    ['LRN: 24nllrn0004471', '24NLLRN0004471'],
    ['Local reference number 24NLLRN0004471', '24NLLRN0004471'],
    ['Référence locale BE24ATP0000123456', 'BE24ATP0000123456'],
  ])('reads "%s" as LRN %s', (selection, lrn) => {
    expect(valuesFromSelection(selection)).toEqual({ lrn });
  });

  it('reads both from a selection that holds both', () => {
    expect(valuesFromSelection('Service order 7770142 LRN 24NLLRN0004471')).toEqual({
      serviceOrder: '7770142',
      lrn: '24NLLRN0004471',
    });
  });

  it('takes a bare value that starts as LRNs do (year and country) as an LRN', () => {
    expect(valuesFromSelection('24NLLRN0004471')).toEqual({ lrn: '24NLLRN0004471' });
    expect(valuesFromSelection('BE24ATP0000123456')).toEqual({ lrn: 'BE24ATP0000123456' });
  });

  it.each([
    ['', 'nothing'],
    ['hello', 'a word'],
    ['28-11-2024', 'a date'],
    ['MSCU1234565', 'a container number'],
    ['MRN 24NL000000000045J5', 'an MRN'],
    ['Invoice no. 777', 'another label'],
    [`Service order 7770142 ${'and more text '.repeat(10)}`, 'a long passage'],
  ])('finds nothing in "%s" (%s)', (selection) => {
    expect(valuesFromSelection(selection)).toEqual({});
  });
});

describe('valuesFromSelection with the label the page shows beside the selection', () => {
  it('takes a bare value for the field its label names', () => {
    expect(valuesFromSelection('24NLLRN0004471', 'Customs LRN')).toEqual({ lrn: '24NLLRN0004471' });
    expect(valuesFromSelection('7770142', 'Service order')).toEqual({ serviceOrder: '7770142' });
    // A value without an LRN's usual start is an LRN beside an LRN label too.
    expect(valuesFromSelection('NLB0000451827', 'LRN')).toEqual({ lrn: 'NLB0000451827' });
  });

  it('never takes an 18-character value beside an MRN label for the LRN, whether or not its check fits', () => {
    // 26NL0000RT51230084: the check gives 0, not 4; some national MRNs fail the check.
    expect(valuesFromSelection('26NL0000RT51230084', 'MRN')).toEqual({});
    expect(valuesFromSelection('26NL0000RT51230084', 'Movement reference number')).toEqual({});
    // Without a label it starts as an LRN does, and its check does not fit: it is taken as one.
    expect(valuesFromSelection('26NL0000RT51230084')).toEqual({ lrn: '26NL0000RT51230084' });
  });

  it('never takes a valid MRN for the LRN', () => {
    expect(valuesFromSelection('26NL00000128746500')).toEqual({});
  });

  it('leaves off the quotes and marks a selection picks up at its ends', () => {
    expect(valuesFromSelection('“7770142”,')).toEqual({ serviceOrder: '7770142' });
  });

  it('reads a value beside another label as it reads one without a label', () => {
    expect(valuesFromSelection('7770142', 'Reference')).toEqual({ serviceOrder: '7770142' });
  });
});
