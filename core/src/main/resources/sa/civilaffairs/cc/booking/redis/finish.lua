-- Last person step of a refused booking or confirmation, or of a reschedule (a booking that took its place skips
-- it: see claim.lua). One cluster slot: keys tagged {bkp:<person>}.
-- Compare-and-set: only the attempt that wrote the pending values replaces them (a stale attempt that another one
-- took over changes nothing).
-- KEYS[1] idempotency key  KEYS[2] claim key  KEYS[3] the person's appointments (sorted set, score = booked at)
-- ARGV[1] this attempt's idempotency value  ARGV[2] final idempotency value ("B|ref" or "R|REASON|ref-or-dash")
-- ARGV[3] this attempt's claim value  ARGV[4] final claim value, or "-" to delete it  ARGV[5] idempotency ttl ms
-- ARGV[6] reference  ARGV[7] "unlist" to take the reference off the person's appointments (a refused new booking,
-- listed by claim.lua), or "-"
local found = redis.call('MGET', KEYS[1], KEYS[2])
if found[2] == ARGV[3] then
  if ARGV[4] == '-' then
    redis.call('DEL', KEYS[2])
  else
    redis.call('SET', KEYS[2], ARGV[4])
  end
end
if found[1] == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[5])
end
if ARGV[7] == 'unlist' then
  redis.call('ZREM', KEYS[3], ARGV[6])
end
return {'OK'}
