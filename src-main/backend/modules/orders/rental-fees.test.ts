import { describe, expect, it } from 'vitest';
import { actionsFor, canRequest, staffCanMove } from './order-states.ts';
import {
  buyOutPrice,
  dailyRent,
  daysLate,
  overdueFee,
  percentOf,
  rentalWindow,
} from './rental-fees.ts';

const bikes = [
  { unitPrice: 50_000, quantity: 2, rentalDays: 3 },
  { unitPrice: 33_333, quantity: 1, rentalDays: 5 },
];

describe('rental arithmetic', () => {
  it('starts at hand-out and ends after the longest line', () => {
    expect(rentalWindow(new Date('2025-03-01T02:00:00Z'), bikes)).toEqual({
      start: '2025-03-01T02:00:00.000Z',
      end: '2025-03-06T02:00:00.000Z',
    });
    expect(
      rentalWindow(new Date('2025-03-01T02:00:00Z'), [{ ...bikes[0]!, rentalDays: null }]).end,
    ).toBe('2025-03-02T02:00:00.000Z');
  });

  it('counts whole days late, rounding any part of a day up', () => {
    const end = '2025-03-06T02:00:00.000Z';
    expect(daysLate(end, new Date('2025-03-06T02:00:00Z'))).toBe(0);
    expect(daysLate(end, new Date('2025-03-05T23:00:00Z'))).toBe(0);
    expect(daysLate(end, new Date('2025-03-06T02:01:00Z'))).toBe(1);
    expect(daysLate(end, new Date('2025-03-08T02:00:00Z'))).toBe(2);
    expect(daysLate(end, new Date('2025-03-08T02:00:00.001Z'))).toBe(3);
    expect(daysLate(null, new Date('2030-01-01T00:00:00Z'))).toBe(0);
  });

  it('charges days late × daily rent × rate, rounded down once to whole đồng', () => {
    expect(dailyRent(bikes)).toBe(133_333);
    // 2 days × 133 333 × 150% = 399 999
    expect(overdueFee(bikes, 2, 150)).toBe(399_999);
    // 1 × 133 333 × 12.5% = 16 666.625 → 16 666
    expect(overdueFee(bikes, 1, 12.5)).toBe(16_666);
    // 0.1 + 0.2 style rates stay exact: 3 × 100 000 × 0.3% = 900
    expect(overdueFee([{ unitPrice: 100_000, quantity: 1, rentalDays: 1 }], 3, 0.1 + 0.2)).toBe(
      900,
    );
    expect(overdueFee(bikes, 0, 150)).toBe(0);
    expect(overdueFee(bikes, 4, 0)).toBe(0);
    expect(percentOf(1, 150)).toBe(1);
  });

  it('deducts a share of the rent paid from the buy-out, never below zero', () => {
    expect(buyOutPrice(2_000_000, 300_000, 100)).toEqual({
      subtotal: 2_000_000,
      deduction: 300_000,
      total: 1_700_000,
    });
    expect(buyOutPrice(2_000_000, 300_000, 50)).toMatchObject({ deduction: 150_000 });
    expect(buyOutPrice(200_000, 300_000, 100)).toEqual({
      subtotal: 200_000,
      deduction: 200_000,
      total: 0,
    });
    expect(buyOutPrice(200_000, -5, 100)).toMatchObject({ deduction: 0, total: 200_000 });
  });
});

describe('order state machines', () => {
  it('lets customers request only from the documented statuses', () => {
    expect(canRequest('sale', 'Pending', 'cancel')).toBe(true);
    expect(canRequest('sale', 'Confirmed', 'cancel')).toBe(true);
    expect(canRequest('sale', 'Shipped', 'cancel')).toBe(false);
    expect(canRequest('sale', 'Delivered', 'return')).toBe(false);
    expect(canRequest('rental', 'Confirmed', 'cancel')).toBe(true);
    expect(canRequest('rental', 'Preparing', 'cancel')).toBe(true);
    expect(canRequest('rental', 'Active', 'cancel')).toBe(false);
    expect(canRequest('rental', 'Active', 'return')).toBe(true);
    expect(canRequest('rental', 'Overdue', 'return')).toBe(true);
    expect(canRequest('rental', 'Return Requested', 'return')).toBe(false);
  });

  it('keeps staff out of requests except to accept or decline them', () => {
    expect(staffCanMove('sale', 'Pending', 'Cancel Requested', null)).toBe(false);
    expect(staffCanMove('sale', 'Cancel Requested', 'Cancelled', 'Pending')).toBe(true);
    expect(staffCanMove('sale', 'Cancel Requested', 'Pending', 'Pending')).toBe(true);
    expect(staffCanMove('sale', 'Cancel Requested', 'Confirmed', 'Pending')).toBe(false);
    expect(staffCanMove('rental', 'Return Requested', 'Returned', 'Overdue')).toBe(true);
    expect(staffCanMove('rental', 'Return Requested', 'Active', 'Overdue')).toBe(false);
    expect(staffCanMove('rental', 'Active', 'Overdue', null)).toBe(true);
  });

  it('offers the seed 002 actions for each status', () => {
    expect(actionsFor('sale', 'Cancel Requested')).toEqual({
      can_cancel: true,
      can_confirm: false,
      can_ship: false,
      can_complete: false,
    });
    expect(actionsFor('rental', 'Return Requested')).toEqual({
      can_cancel: false,
      can_confirm: false,
      can_ship: false,
      can_complete: true,
    });
    expect(actionsFor('rental', 'Confirmed')).toEqual({
      can_cancel: true,
      can_confirm: true,
      can_ship: false,
      can_complete: false,
    });
    expect(actionsFor('rental', 'Overdue')).toMatchObject({ can_complete: true, can_ship: false });
  });
});
