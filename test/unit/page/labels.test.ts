import { describe, expect, it } from 'vitest';
import { fieldOfLabel } from '@/lib/page/labels';

describe('fieldOfLabel: a label that names the field with a little more around it', () => {
  it.each([
    ['Customs LRN', 'lrn'],
    ['Douane LRN', 'lrn'],
    ['LRN (Bezugsnummer)', 'lrn'],
    ['LRN no.', 'lrn'],
    ['LRN-Nr.', 'lrn'],
    ['LRN:', 'lrn'],
    ['* LRN', 'lrn'],
    ['LRN no. / N° LRN', 'lrn'],
    ['Local Reference Number (LRN)', 'lrn'],
    ['Service order #', 'serviceOrder'],
    ['Service order (Serviceauftrag)', 'serviceOrder'],
    ['Service order (SO)', 'serviceOrder'],
    ["N° d'ordre de service", 'serviceOrder'],
    ['Numéro d’ordre de service', 'serviceOrder'],
    ['Ordernummer / Order no.', 'serviceOrder'],
    ['Serviceorder / Service order #', 'serviceOrder'],
  ])('takes %j as a label of %s, as the page writes it', (text, field) => {
    const label = fieldOfLabel(text);
    expect(label?.field).toBe(field);
    expect(text).toContain(label?.label);
  });

  it.each([
    'MRN',
    'Movement reference number',
    'Order date',
    'Service order date',
    'Service order status',
    "Statut de l'ordre de service",
    "Date de l'ordre de service",
    'Container number',
    'Invoice number',
    'Purchase order no.',
    'Customer order no.',
    'Booking ref.',
    'LRN / MRN',
    'Service order / LRN',
    'Previous LRN',
    'Service order 7770142',
    'the LRN is pending',
    // A generic name stands for a service order only on its own.
    'Booking order no.',
    'Order no. (Bestellnummer)',
  ])('does not take %j', (text) => {
    expect(fieldOfLabel(text)).toBeUndefined();
  });
});
