-- Stores one part of a long inbound message. KEYS[1] parts hash, KEYS[2] done marker.
-- ARGV: seq, text, total, partsTtlMs. Returns {'dup'} when the message was already stored, {'partial'} while parts
-- are missing, {'complete', seq1, text1, ...} when all are in (the caller then runs mo_publish).
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {'dup'}
end
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if redis.call('HLEN', KEYS[1]) < tonumber(ARGV[3]) then
  return {'partial'}
end
local all = redis.call('HGETALL', KEYS[1])
table.insert(all, 1, 'complete')
return all
