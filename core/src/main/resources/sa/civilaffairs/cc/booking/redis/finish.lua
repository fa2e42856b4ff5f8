-- Last person step of a booking, confirmation or reschedule. One cluster slot: keys tagged {bkp:<person>}.
-- Compare-and-set: only the attempt that wrote the pending values replaces them (a stale attempt that another one
-- took over changes nothing).
-- KEYS[1] idempotency key  KEYS[2] claim key  KEYS[3] the person's appointments (sorted set, score = booked at)
-- ARGV[1] this attempt's idempotency value  ARGV[2] final idempotency value ("B|ref" or "R|REASON|ref-or-dash")
-- ARGV[3] this attempt's claim value  ARGV[4] final claim value, or "-" to delete it  ARGV[5] idempotency ttl ms
-- ARGV[6] reference  ARGV[7] booked-at ms to list the appointment under the person, or "-"
if redis.call('GET', KEYS[2]) == ARGV[3] then
  if ARGV[4] == '-' then
    redis.call('DEL', KEYS[2])
  else
    redis.call('SET', KEYS[2], ARGV[4])
  end
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[5])
end
if ARGV[7] ~= '-' then
  -- ties of booking time (same millisecond) keep the order of booking: newest first when read backwards
  local n = math.min(redis.call('ZCARD', KEYS[3]), 999)
  redis.call('ZADD', KEYS[3], 'NX', tonumber(ARGV[7]) + n / 1000, ARGV[6])
end
return {'OK'}
