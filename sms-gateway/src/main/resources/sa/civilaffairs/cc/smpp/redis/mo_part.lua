-- Stores one part of a long inbound message. KEYS[1] parts hash, KEYS[2] the copy marker of the whole message.
-- ARGV[1..5] as in mo_common.lua, then seq, coded part, total, partsTtlMs. Returns {'dup'} when the part retransmits
-- a message already stored, {'partial'} while parts are missing, {'complete', seq1, part1, ...} when all are in (the
-- caller then runs mo_publish). A marker that is not a retransmission's is a new message reusing the reference.
local now = now_ms()
if is_retransmission(KEYS[2], now) then
  mark(KEYS[2], now)
  return {'dup'}
end
redis.call('HSETNX', KEYS[1], ARGV[6], ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[9])
if redis.call('HLEN', KEYS[1]) < tonumber(ARGV[8]) then
  return {'partial'}
end
local all = redis.call('HGETALL', KEYS[1])
table.insert(all, 1, 'complete')
return all
