import { describe, expect, it } from 'vitest';
import { callerCandidates } from '../../../main/domain/telephony/caller-match';

const SP = { defaultDdd: '11' };

describe('callerCandidates', () => {
  it.each([
    // mobile, with 9th digit
    ['+5511987654321', ['+5511987654321', '+551187654321']],
    ['+55 (11) 98765-4321', ['+5511987654321', '+551187654321']],
    ['5511987654321', ['+5511987654321', '+551187654321']],
    ['005511987654321', ['+5511987654321', '+551187654321']],
    ['11987654321', ['+5511987654321', '+551187654321']],
    ['011987654321', ['+5511987654321', '+551187654321']],
    ['02111987654321', ['+5511987654321', '+551187654321']], // trunk 0 + carrier 21 (Claro)
    ['0 15 21 99876-5432', ['+5521998765432', '+552198765432']], // carrier 15 (Vivo), other DDD
    ['987654321', ['+5511987654321', '+551187654321']], // no DDD
    // mobile without the 9th digit
    ['1187654321', ['+5511987654321', '+551187654321']],
    ['+551187654321', ['+5511987654321', '+551187654321']],
    ['87654321', ['+5511987654321', '+551187654321']],
    ['0 21 11 8765-4321', ['+5511987654321', '+551187654321']],
    // mobile whose 8 digits start low: no legacy form
    ['+5511912345678', ['+5511912345678']],
    // landline
    ['+552123456789', ['+552123456789']],
    ['2123456789', ['+552123456789']],
    ['02123456789', ['+552123456789']],
    ['0 41 21 2345-6789', ['+552123456789']],
    ['33334444', ['+551133334444']],
    ['551133334444', ['+551133334444']],
    // DDD 55 is a real area code (RS)
    ['55987654321', ['+5555987654321', '+555587654321']],
    // international
    ['+14155550100', ['+14155550100']],
    ['+44 20 7946 0958', ['+442079460958']],
    ['0021 1 415 555 0100', ['+14155550100']], // 00 + carrier + country, as dialled from Brazil
    ['001 415 555 0100', ['+14155550100']],
  ])('%s → %j', (ani, expected) => expect(callerCandidates(ani, SP)).toEqual(expected));

  it.each([null, undefined, '', '<unknown>', 'anonymous', '2001', '190', '1234567', '+123', '(20) 98765-4321', '11887654321', '0800 123 4567', '10987654321'])(
    'finds nothing for %j',
    (ani) => expect(callerCandidates(ani, SP)).toEqual([]),
  );

  it('uses the operation DDD only for numbers without one', () => {
    expect(callerCandidates('987654321', { defaultDdd: '21' })).toEqual(['+5521987654321', '+552187654321']);
    expect(callerCandidates('987654321')).toEqual([]);
    expect(callerCandidates('987654321', { defaultDdd: '20' })).toEqual([]); // not a DDD
    expect(callerCandidates('31987654321', { defaultDdd: '21' })).toEqual(['+5531987654321', '+553187654321']);
  });
});
