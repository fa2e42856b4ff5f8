-- Person step after settle.lua: replaces a stale pending value by what really happened (compare-and-set).
-- One cluster slot: keys tagged {bkp:<person>}. KEYS[1] idempotency key  KEYS[2] claim key
-- ARGV[1] stale idempotency value or "-"  ARGV[2] its replacement  ARGV[3] stale claim value or "-"
-- ARGV[4] its replacement, or "-" to delete  ARGV[5] idempotency ttl ms
if ARGV[1] ~= '-' and redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[5])
end
if ARGV[3] ~= '-' and redis.call('GET', KEYS[2]) == ARGV[3] then
  if ARGV[4] == '-' then
    redis.call('DEL', KEYS[2])
  else
    redis.call('SET', KEYS[2], ARGV[4])
  end
end
return {'OK'}
