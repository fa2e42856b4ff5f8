-- Applies one status change if nobody changed the case since it was read (compare-and-set on the history length).
-- KEYS[1] the case's hash, KEYS[2] its history list (same slot)
-- ARGV[1] the history length the change was computed from, ARGV[2] the new step (JSON),
-- ARGV[3..] field, value, ... (the fields that changed)
-- Returns 1 when applied, 0 when the case changed meanwhile, -1 when there is no such case (nothing written).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
if redis.call('LLEN', KEYS[2]) ~= tonumber(ARGV[1]) then
  return 0
end
if #ARGV > 2 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 3))
end
redis.call('RPUSH', KEYS[2], ARGV[2])
return 1
