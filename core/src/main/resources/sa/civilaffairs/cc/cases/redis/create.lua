-- Files a new case unless one with this reference exists (a retried submit with the same idempotency key).
-- KEYS[1] the case's hash, KEYS[2] its history list (same slot: hash tag on the reference)
-- ARGV[1] the first history step (JSON), ARGV[2..] field, value, field, value, ...
-- Returns 1 when created, 0 when the case already existed (nothing written).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
